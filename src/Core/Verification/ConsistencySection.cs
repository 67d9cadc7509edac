using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Walk;

namespace CreatorPlatform.Core.Verification;

/// <summary>
/// The linkage check: creators, the Cognito group and the sub linkage agree with each other. From the newest platform
/// walk, which checks every creator and member at a set pace; the report itself reads one item.
/// </summary>
public sealed class ConsistencySection(PlatformFactsStore facts, TimeProvider time) : IVerificationSection
{
    public string Name => "Group and linkage";
    public ConsoleScreen Link => ConsoleScreen.Creators;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        if (await facts.LatestAsync(ct) is not { } walked) return [WalkEvidence.NotWalked(Name, Name, Link)];
        var title = $"{walked.Creators:N0} creators, {walked.FindingCount:N0} findings";
        var source = WalkEvidence.Source(walked, time.GetUtcNow());
        return walked.FindingCount == 0
            ? [new(Name, title, CheckState.Green, ["Every creator is linked by sub to an enabled user in the group, and every member has a creator.", source], Link)]
            : [new(Name, title, CheckState.Red, [.. walked.Findings.Select(f => f.Message), .. WalkEvidence.More(walked.Findings.Count, walked.FindingCount), source], Link)];
    }
}
