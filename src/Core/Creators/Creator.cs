namespace CreatorPlatform.Core.Creators;

/// <summary>
/// A row of CreatorsTable. <see cref="UserId"/> is the Cognito <c>sub</c>, absent until the user is linked.
/// <see cref="NotificationPreferences"/> is null for a creator stored without it (the migration script wrote none).
/// </summary>
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
    DateTimeOffset UpdatedAt,
    NotificationPreferences? NotificationPreferences = null)
{
    public const string Active = "active";
    public const string Disabled = "disabled";

    /// <summary>A new active creator with the platform's defaults (creatorRepository.ts 74-118) for everything but its name.</summary>
    public static Creator New(string slug, string displayName, DateTimeOffset now, string? userId = null) =>
        new(Guid.NewGuid().ToString(), userId, slug, displayName, "", "", "", SocialLinks.Empty, CreatorTheme.Default, Active, now, now,
            NotificationPreferences.AllOn);
}

public sealed record SocialLinks(string Instagram, string Pinterest, string Tiktok)
{
    public static SocialLinks Empty { get; } = new("", "", "");
}

public sealed record CreatorTheme(string PrimaryColor, string AccentColor, string Font)
{
    /// <summary>The platform's default for a new creator.</summary>
    public static CreatorTheme Default { get; } = new("#3B82F6", "#10B981", "Inter");
    /// <summary>What the original migration script gave the default creator; the migration keeps it.</summary>
    public static CreatorTheme MigrationScript { get; } = new("#000000", "#FF6B6B", "Inter");
}

public sealed record NotificationPreferences(bool ProductApproval, bool ProductRejection, bool AccountStatusChange, bool Milestones)
{
    public static NotificationPreferences AllOn { get; } = new(true, true, true, true);
}
