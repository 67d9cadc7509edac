using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>How a product's <c>featured</c> is stored.</summary>
public enum FeaturedEncoding { Absent, StringTrue, StringFalse, BooleanTrue, BooleanFalse, Other }

/// <summary>
/// The platform writes and compares <c>featured</c> as the string "true"/"false" (types.ts); the guide's script wrote a
/// BOOL, which the platform's <c>featured === 'true'</c> reads as not featured.
/// </summary>
public static class FeaturedValue
{
    public static AttributeValue False => new() { S = "false" };

    public static FeaturedEncoding Classify(AttributeValue? v) => v switch
    {
        null => FeaturedEncoding.Absent,
        { S: "true" } => FeaturedEncoding.StringTrue,
        { S: "false" } => FeaturedEncoding.StringFalse,
        { BOOL: true } => FeaturedEncoding.BooleanTrue,
        { BOOL: false } => FeaturedEncoding.BooleanFalse,
        _ => FeaturedEncoding.Other,
    };

    /// <summary>What the admin meant: a boolean true is featured too, even though the platform does not show it so.</summary>
    public static bool IsFeatured(AttributeValue? v) => Classify(v) is FeaturedEncoding.StringTrue or FeaturedEncoding.BooleanTrue;

    public static bool IsBoolean(FeaturedEncoding e) => e is FeaturedEncoding.BooleanTrue or FeaturedEncoding.BooleanFalse;

    public static string Label(FeaturedEncoding e) => e switch
    {
        FeaturedEncoding.StringTrue => "\"true\"",
        FeaturedEncoding.StringFalse => "\"false\"",
        FeaturedEncoding.BooleanTrue => "true (boolean)",
        FeaturedEncoding.BooleanFalse => "false (boolean)",
        FeaturedEncoding.Absent => "None",
        _ => "(other)",
    };
}
