using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Verification;

/// <summary>Issue 4's check: creators, the Cognito group and the sub linkage agree with each other.</summary>
public sealed class ConsistencySection(ConsistencyReport consistency) : IVerificationSection
{
    public string Name => "Group and linkage";
    public string Link => "/creators";

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        var result = await consistency.RunAsync(ct);
        var title = $"{result.Creators} creators, {result.Members} group members";
        return result.Clean
            ? [new(Name, title, CheckState.Green, ["Every creator is linked by sub to an enabled user in the group, and every member has a creator."], Link)]
            : [new(Name, title, CheckState.Red, result.Findings.Select(f => f.Message).ToList(), Link)];
    }
}
