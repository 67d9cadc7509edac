using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Aws;

/// <summary>The one way to make a string or number <see cref="AttributeValue"/>: <c>using static CreatorPlatform.Core.Aws.Attr;</c>.</summary>
internal static class Attr
{
    public static AttributeValue S(string value) => new() { S = value };

    public static AttributeValue N(long value) => new() { N = value.ToString(CultureInfo.InvariantCulture) };
}
