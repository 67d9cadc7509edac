using System.Text.RegularExpressions;

namespace CreatorPlatform.Tests.Shared;

/// <summary>
/// Words that belong to the code, the CLI and the README, never to a page an admin reads or a value the console writes
/// into AWS: source-file names, code identifiers, setting names, CLI syntax. Shared by the Core and the page tests.
/// </summary>
public static partial class DeveloperWords
{
    public static readonly IReadOnlyList<string> Identifiers =
    [
        "updateCreatorProfile", "createProduct", "authContext", "GroupMissing", "CreatorUnlinked", "UserIdHoldsUsername", "LinkedUserNotInGroup",
        "MissingSummary", "Differs", "WriteMode", "maxConcurrency", "maxWriteRate", "alreadyUndone", "editedSince", "AlreadyMember", "NoSuchUser",
        "stand-in", "access ensure", "access check", "group ensure", "schema apply", "--slug", "--since-last", "--strict", "Platform:", "userId-index by sub",
    ];

    [GeneratedRegex(@"\b[\w-]+\.(ts|tsx|js|cs|razor|json)\b|`")]
    private static partial Regex FileNameOrBacktick();

    /// <summary>Each developer's word found in <paramref name="text"/>; empty when an admin may read it.</summary>
    public static IReadOnlyList<string> In(string text) =>
        [.. Identifiers.Where(w => text.Contains(w, StringComparison.Ordinal)), .. FileNameOrBacktick().Matches(text).Select(m => m.Value)];
}
