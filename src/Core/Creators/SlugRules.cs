namespace CreatorPlatform.Core.Creators;

public enum SlugProblem { Empty, TooShort, TooLong, InvalidCharacters, EdgeHyphen, DoubleHyphen, Reserved }

public sealed record SlugViolation(SlugProblem Problem, string Message);

/// <summary>What a creator's slug may be: it is the public path <c>/creator/{slug}</c>.</summary>
public static class SlugRules
{
    public const int MinLength = 3;
    public const int MaxLength = 30;

    /// <summary>Words that name the platform's own paths or would pass for it.</summary>
    public static readonly IReadOnlySet<string> Reserved = new HashSet<string>(StringComparer.Ordinal)
    {
        "admin", "api", "creator", "creators", "www", "app", "assets", "static", "auth", "login", "logout", "signin", "signup",
        "register", "dashboard", "settings", "account", "help", "support", "about", "terms", "privacy", "products", "product",
        "search", "explore", "root", "system", "null", "undefined",
    };

    public static IReadOnlyList<SlugViolation> Check(string? slug)
    {
        if (string.IsNullOrEmpty(slug)) return [new(SlugProblem.Empty, "Enter a slug.")];
        var problems = new List<SlugViolation>();
        if (slug.Length < MinLength) problems.Add(new(SlugProblem.TooShort, $"At least {MinLength} characters."));
        if (slug.Length > MaxLength) problems.Add(new(SlugProblem.TooLong, $"At most {MaxLength} characters."));
        if (!slug.All(c => c is (>= 'a' and <= 'z') or (>= '0' and <= '9') or '-'))
            problems.Add(new(SlugProblem.InvalidCharacters, "Only lowercase letters, digits and hyphens."));
        if (slug.StartsWith('-') || slug.EndsWith('-')) problems.Add(new(SlugProblem.EdgeHyphen, "No hyphen at the start or the end."));
        if (slug.Contains("--", StringComparison.Ordinal)) problems.Add(new(SlugProblem.DoubleHyphen, "No two hyphens in a row."));
        if (Reserved.Contains(slug)) problems.Add(new(SlugProblem.Reserved, $"'{slug}' is reserved for the platform."));
        return problems;
    }

    public static bool IsValid(string? slug) => Check(slug).Count == 0;
}
