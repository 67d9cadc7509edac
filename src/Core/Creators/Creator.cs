namespace CreatorPlatform.Core.Creators;

/// <summary>A row of CreatorsTable. <see cref="UserId"/> is the Cognito <c>sub</c>, absent until the user is linked.</summary>
public sealed record Creator(
    string Id,
    string? UserId,
    string Slug,
    string DisplayName,
    string Bio,
    string ProfileImage,
    string CoverImage,
    SocialLinks SocialLinks,
    CreatorTheme Theme,
    string Status,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt)
{
    public const string Active = "active";
    public const string Disabled = "disabled";

    /// <summary>A new active creator with the platform's defaults for everything but its name.</summary>
    public static Creator New(string slug, string displayName, DateTimeOffset now, string? userId = null) =>
        new(Guid.NewGuid().ToString(), userId, slug, displayName, "", "", "", SocialLinks.Empty, CreatorTheme.Default, Active, now, now);
}

public sealed record SocialLinks(string Instagram, string Pinterest, string Tiktok)
{
    public static SocialLinks Empty { get; } = new("", "", "");
}

public sealed record CreatorTheme(string PrimaryColor, string AccentColor, string Font)
{
    public static CreatorTheme Default { get; } = new("#000000", "#FF6B6B", "Inter");
}
