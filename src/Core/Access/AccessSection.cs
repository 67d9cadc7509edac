using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Walk;

namespace CreatorPlatform.Core.Access;

/// <summary>
/// The verification report's access line: how many active creators the platform lets work, and why the others cannot.
/// From the newest platform walk (one GetItem): signing in as every creator on each report would grow with the platform.
/// </summary>
public sealed class AccessSection(PlatformFactsStore facts, TimeProvider time) : IVerificationSection
{
    public static readonly IReadOnlyList<string> Headers = ["creator", "verdict", "fix"];
    private const int EvidenceLines = 3;

    public string Name => "Creator access";
    public ConsoleScreen Link => ConsoleScreen.Creators;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        if (await facts.LatestAsync(ct) is not { } walked) return [WalkEvidence.NotWalked(Name, Name, Link)];
        var title = $"{walked.ActiveCanWork:N0} of {walked.Active:N0} active creators can work";
        var source = WalkEvidence.Source(walked, time.GetUtcNow());
        if (walked.AllActiveCanWork && walked.Active > 0)
            return [new(Name, title, CheckState.Green,
                ["Every active creator's token gives the creator role and its own creator id; userId-index finds it by sub.", source], Link)];
        // A few in words; the table holds the walk's list (the first 50 by slug).
        var evidence = walked.Blocked.Take(EvidenceLines).Select(b => $"{b.Slug}: {b.Reason} {b.Fix}").DefaultIfEmpty("No active creator yet.")
            .Concat(WalkEvidence.More(Math.Min(EvidenceLines, walked.Blocked.Count), walked.BlockedCount)).Append(source).ToList();
        var table = new EvidenceTable(Headers, walked.Blocked.Select(b => (IReadOnlyList<string>)[b.Slug, $"cannot work: {b.Reason}", b.Fix ?? ""]).ToList());
        return [new(Name, title, CheckState.Red, evidence, Link) { Table = table }];
    }
}
