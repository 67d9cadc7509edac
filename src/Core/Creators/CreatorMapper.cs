using System.Globalization;
using Amazon.DynamoDBv2.Model;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Creators;

/// <summary>The one place that knows how a <see cref="Creator"/> is stored in CreatorsTable.</summary>
public static class CreatorMapper
{
    public static Dictionary<string, AttributeValue> ToItem(Creator c)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["id"] = S(c.Id),
            ["slug"] = S(c.Slug),
            ["displayName"] = S(c.DisplayName),
            ["bio"] = S(c.Bio),
            ["profileImage"] = S(c.ProfileImage),
            ["coverImage"] = S(c.CoverImage),
            // Only the links that are set: a creator without any has {}, as the platform writes it.
            ["socialLinks"] = M(new[] { ("instagram", c.SocialLinks.Instagram), ("pinterest", c.SocialLinks.Pinterest), ("tiktok", c.SocialLinks.Tiktok) }
                .Where(l => !string.IsNullOrEmpty(l.Item2)).ToArray()),
            ["theme"] = M(("primaryColor", c.Theme.PrimaryColor), ("accentColor", c.Theme.AccentColor), ("font", c.Theme.Font)),
            ["status"] = S(c.Status),
            ["createdAt"] = S(Time(c.CreatedAt)),
            ["updatedAt"] = S(Time(c.UpdatedAt)),
        };
        if (c.NotificationPreferences is { } n)
            item["notificationPreferences"] = new()
            {
                M = new()
                {
                    ["productApproval"] = new() { BOOL = n.ProductApproval }, ["productRejection"] = new() { BOOL = n.ProductRejection },
                    ["accountStatusChange"] = new() { BOOL = n.AccountStatusChange }, ["milestones"] = new() { BOOL = n.Milestones },
                },
            };
        // A GSI key attribute cannot be an empty string: an unlinked creator has no userId at all.
        if (!string.IsNullOrEmpty(c.UserId)) item["userId"] = S(c.UserId);
        return item;
    }

    public static Creator FromItem(Dictionary<string, AttributeValue> item)
    {
        var social = Map(item, "socialLinks");
        var theme = Map(item, "theme");
        return new Creator(
            Str(item, "id"),
            item.TryGetValue("userId", out var user) ? user.S : null,
            Str(item, "slug"),
            Str(item, "displayName"),
            Str(item, "bio"),
            Str(item, "profileImage"),
            Str(item, "coverImage"),
            new SocialLinks(Str(social, "instagram"), Str(social, "pinterest"), Str(social, "tiktok")),
            new CreatorTheme(Str(theme, "primaryColor", CreatorTheme.Default.PrimaryColor), Str(theme, "accentColor", CreatorTheme.Default.AccentColor),
                Str(theme, "font", CreatorTheme.Default.Font)),
            Str(item, "status", Creator.Active),
            ParseTime(Str(item, "createdAt")),
            ParseTime(Str(item, "updatedAt")),
            Notifications(item));
    }

    private static NotificationPreferences? Notifications(Dictionary<string, AttributeValue> item)
    {
        if (!item.TryGetValue("notificationPreferences", out var value) || value.M is not { } m) return null;
        bool On(string name) => m.TryGetValue(name, out var v) && v.BOOL == true;
        return new(On("productApproval"), On("productRejection"), On("accountStatusChange"), On("milestones"));
    }

    public static string Time(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset ParseTime(string s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : DateTimeOffset.MinValue;

    private static AttributeValue M(params (string Key, string Value)[] entries) =>
        new() { M = entries.ToDictionary(e => e.Key, e => S(e.Value)) };

    private static Dictionary<string, AttributeValue> Map(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var value) && value.M is { } map ? map : [];

    private static string Str(Dictionary<string, AttributeValue> item, string name, string fallback = "") =>
        item.TryGetValue(name, out var value) && value.S is { } s ? s : fallback;
}
