using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Analytics.Freshness;

/// <summary>The Overview's analytics line: amber while summaries lag their events.</summary>
public sealed class AnalyticsFreshCheck(Walk.PlatformFactsStore facts, TimeProvider time) : IRolloutCheck
{
    public const string StepId = "A";
    public string Step => StepId;

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        try
        {
            if (await facts.LatestAsync(ct) is not { } walked)
                return new CheckResult(Step, "Analytics summaries fresh", CheckState.NotCovered, "Not checked yet: walk every creator.", ConsoleScreen.Analytics);
            var report = walked.Freshness;
            return new CheckResult(Step, "Analytics summaries fresh", report.State, $"{report.Describe()} (walk {walked.Age(time.GetUtcNow())})", ConsoleScreen.Analytics);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return new CheckResult(Step, "Analytics summaries fresh", CheckState.NotCovered, "The analytics tables do not exist yet.", ConsoleScreen.Tables);
        }
    }
}

/// <summary>verify's analytics line: the newest platform walk's freshness, with the creators that lag as evidence.</summary>
public sealed class AnalyticsFreshnessSection(Walk.PlatformFactsStore facts, TimeProvider time) : IVerificationSection
{
    public string Name => "Analytics freshness";
    public ConsoleScreen Link => ConsoleScreen.Analytics;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        const string title = "Summaries against events";
        if (await facts.LatestAsync(ct) is not { } walked) return [Walk.WalkEvidence.NotWalked(Name, title, Link)];
        var report = walked.Freshness;
        var state = report.State == CheckState.NotCovered ? CheckState.Green : report.State;
        var evidence = new List<string> { report.Describe() };
        evidence.AddRange(report.Behind.Take(20).Select(c => $"{c.Creator.Slug}: {c.Describe()}"));
        evidence.AddRange(Walk.WalkEvidence.More(Math.Min(20, report.Behind.Count), report.BehindCount));
        evidence.Add(Walk.WalkEvidence.Source(walked, time.GetUtcNow()));
        return [new(Name, title, state, evidence, Link)];
    }
}
