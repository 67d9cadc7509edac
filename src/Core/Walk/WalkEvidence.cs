using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Walk;

/// <summary>
/// How the verification report's lines over every creator (access, group and linkage, analytics freshness) say where
/// their figures come from: the newest platform walk, with its time, since the report no longer reads every creator itself.
/// </summary>
public static class WalkEvidence
{
    public const string HowToWalk = "Walk every creator (Overview or Creators → Walk now; on the command line, verify walks first unless --no-walk).";

    public static VerificationLine NotWalked(string section, string title, ConsoleScreen link) =>
        new(section, title, CheckState.Amber, [$"Not checked yet: no platform walk has finished. {HowToWalk}"], link);

    /// <summary>
    /// Where a verification line's figures come from. The line is stored with its report and read later, so the walk's age is
    /// said as it was when the report ran ("just now" read an hour later would be untrue).
    /// </summary>
    public static string Source(PlatformFacts facts, DateTimeOffset now) =>
        $"From the platform walk of {facts.FinishedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC over {facts.Creators:N0} creators ({facts.Age(now)} when this report ran).";

    /// <summary>"… and 12 more" when a capped list leaves some out.</summary>
    public static IEnumerable<string> More(int shown, int total) => total > shown ? [$"… and {total - shown:N0} more."] : [];
}
