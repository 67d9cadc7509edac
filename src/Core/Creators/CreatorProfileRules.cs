using System.Text.RegularExpressions;

namespace CreatorPlatform.Core.Creators;

/// <summary>What the onboarding wizard collects for the creator record.</summary>
public sealed record CreatorProfile(string Slug, string DisplayName, string Bio, SocialLinks SocialLinks, CreatorTheme Theme)
{
    public static CreatorProfile Blank => new("", "", "", SocialLinks.Empty, CreatorTheme.Default);
}

/// <summary>Validation of a <see cref="CreatorProfile"/>, by field name, shared by the wizard, the CLI and the service.</summary>
public static partial class CreatorProfileRules
{
    public const int DisplayNameMax = 60;
    public const int BioMax = 500;
    public static readonly IReadOnlyList<string> Fonts = ["Inter", "Roboto", "Open Sans", "Lato", "Montserrat", "Poppins", "Lora", "Playfair Display", "Merriweather"];

    /// <summary>The hosts each social link may point to (with or without www.).</summary>
    public static readonly IReadOnlyDictionary<string, string[]> SocialHosts = new Dictionary<string, string[]>
    {
        ["instagram"] = ["instagram.com"],
        ["pinterest"] = ["pinterest.com", "pin.it"],
        ["tiktok"] = ["tiktok.com"],
    };

    public static IReadOnlyDictionary<string, string> Validate(CreatorProfile p)
    {
        var errors = new Dictionary<string, string>();
        if (SlugRules.Check(p.Slug) is [var first, ..]) errors["slug"] = first.Message;
        if (string.IsNullOrWhiteSpace(p.DisplayName)) errors["displayName"] = "Enter a display name.";
        else if (p.DisplayName.Trim().Length > DisplayNameMax) errors["displayName"] = $"At most {DisplayNameMax} characters.";
        else if (HiddenCharacterError(p.DisplayName) is { } hidden) errors["displayName"] = hidden;
        if (p.Bio.Length > BioMax) errors["bio"] = $"At most {BioMax} characters.";
        AddIfError(errors, "instagram", SocialLinkError("instagram", p.SocialLinks.Instagram));
        AddIfError(errors, "pinterest", SocialLinkError("pinterest", p.SocialLinks.Pinterest));
        AddIfError(errors, "tiktok", SocialLinkError("tiktok", p.SocialLinks.Tiktok));
        AddIfError(errors, "primaryColor", ColorError(p.Theme.PrimaryColor));
        AddIfError(errors, "accentColor", ColorError(p.Theme.AccentColor));
        if (!Fonts.Contains(p.Theme.Font)) errors["font"] = $"Pick one of: {string.Join(", ", Fonts)}.";
        return errors;
    }

    /// <summary>Null when <paramref name="url"/> is empty (links are optional) or an https/http URL on the site's host.</summary>
    public static string? SocialLinkError(string site, string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return null;
        var hosts = SocialHosts[site];
        if (!Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return "Enter a full URL starting with https://.";
        var host = uri.Host.StartsWith("www.", StringComparison.OrdinalIgnoreCase) ? uri.Host[4..] : uri.Host;
        if (!hosts.Any(h => host.Equals(h, StringComparison.OrdinalIgnoreCase)))
            return $"Must be a link to {string.Join(" or ", hosts)}.";
        return uri.AbsolutePath.Trim('/').Length == 0 ? "Link to the profile, not the site's home page." : null;
    }

    /// <summary>
    /// Refuses what a reader cannot see: bidi controls (U+202E makes "evil" read as "live") and zero-width characters
    /// (two names that look alike), and any other control or format character.
    /// </summary>
    public static string? HiddenCharacterError(string text)
    {
        foreach (var c in text)
        {
            var category = char.GetUnicodeCategory(c);
            if (category is System.Globalization.UnicodeCategory.Format or System.Globalization.UnicodeCategory.Control)
                return $"Remove the invisible character U+{(int)c:X4} (direction or zero-width marks are not allowed).";
        }
        return null;
    }

    /// <summary>A colour that may go into a style attribute: the value itself when it is hex, otherwise null.</summary>
    public static string? SafeColor(string? color) => ColorError(color) is null ? color : null;

    public static string? ColorError(string? color) =>
        color is not null && HexColor().IsMatch(color) ? null : "A 6-digit hex colour such as #3B82F6.";

    private static void AddIfError(Dictionary<string, string> errors, string field, string? error)
    {
        if (error is not null) errors[field] = error;
    }

    // The platform's frontend validator accepts only the 6-digit form.
    [GeneratedRegex(@"^#[0-9a-fA-F]{6}\z")]
    private static partial Regex HexColor();
}
