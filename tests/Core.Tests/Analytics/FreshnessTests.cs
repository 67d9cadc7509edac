using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class FreshnessTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_freshness_line_is_amber_while_the_walk_finds_summaries_lagging_their_events_and_green_after_a_rebuild_and_a_walk()
    {
        await using var services = await WithPoolAsync();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        var ben = await tables.AddCreatorAsync("ben");
        await tables.AddEventsAsync(anna, Today.AddDays(-5), [(PageView, null)]);
        await tables.AddEventsAsync(anna, Today.AddDays(-1), [(PageView, null), (ProductView, "p1")]);
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-5), 1, 0, 0, []));
        await tables.AddEventsAsync(ben, Today.AddDays(-1), [(PageView, null)]);
        await tables.AddSummaryAsync(new DailySummary(ben.Id, Today.AddDays(-1), 1, 0, 0, []));
        var check = services.GetServices<IRolloutCheck>().Single(c => c.Step == AnalyticsFreshCheck.StepId);
        var freshness = services.GetRequiredService<FreshnessService>();

        var unwalked = await check.CheckAsync(CancellationToken.None);
        await WalkAsync(services);
        var before = await check.CheckAsync(CancellationToken.None);
        var annaBefore = await freshness.GetCreatorAsync(new CreatorRef(anna.Id, "anna", "anna"), CancellationToken.None);
        var rebuild = await RebuildAsync(services);
        await WalkAsync(services);
        var after = await check.CheckAsync(CancellationToken.None);

        Assert.Equal(CheckState.NotCovered, unwalked.State);
        Assert.Equal(CheckState.Amber, before.State);
        Assert.Contains("anna", before.Detail);
        Assert.DoesNotContain("ben", before.Detail);
        Assert.Equal((FreshnessState.Behind, 4), (annaBefore.State, annaBefore.DaysBehind));
        Assert.Equal(JobState.Succeeded, rebuild.State);
        Assert.Equal(CheckState.Green, after.State);
    }

    [Fact]
    public async Task A_platform_whose_summaries_are_a_week_old_is_never_green_even_when_they_match_the_events()
    {
        await using var services = await WithPoolAsync();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, Today.AddDays(-8), [(PageView, null)]);
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-8), 1, 0, 0, []));

        await WalkAsync(services);
        var report = (await services.GetRequiredService<FreshnessService>().GetPlatformAsync(CancellationToken.None))!;

        Assert.Equal((0, 1), (report.BehindCount, report.Probed));
        Assert.Equal(CheckState.Amber, report.State);
        Assert.Contains("8 days old", report.Describe());
    }

    [Fact]
    public async Task Verify_reports_the_creators_whose_summaries_lag_as_an_amber_line_from_the_walk()
    {
        await using var services = await WithPoolAsync();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, Today.AddDays(-1), [(PageView, null)]);
        await WalkAsync(services);

        var lines =
            await services.GetServices<CreatorPlatform.Core.Verification.IVerificationSection>().OfType<AnalyticsFreshnessSection>().Single().CheckAsync(CancellationToken.None);

        var line = Assert.Single(lines);
        Assert.Equal(CheckState.Amber, line.State);
        Assert.Contains(line.Evidence, e => e.StartsWith("anna: events up to", StringComparison.Ordinal));
        Assert.EndsWith("(just now when this report ran).", line.Evidence[^1]);
    }

    /// <summary>The walk reads Cognito too (each creator's linkage and token), so these tests give it a pool of its own.</summary>
    private async Task<ServiceProvider> WithPoolAsync()
    {
        string poolId;
        await using (var bootstrap = emulators.Services())
            poolId = (await bootstrap.GetRequiredService<CreatorPlatform.Core.Aws.Cognito.ICognitoClient>().CreateUserPoolAsync(new() { PoolName = "freshness" })).UserPool!.Id!;
        return emulators.Services(s => s["Platform:UserPoolId"] = poolId);
    }

    private static async Task WalkAsync(IServiceProvider services)
    {
        var walk = services.GetRequiredService<CreatorPlatform.Core.Walk.PlatformWalk>();
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(CreatorPlatform.Core.Walk.PlatformWalk.JobKind, walk.RunAsync);
        Assert.True(run.State == JobState.Succeeded, run.Text());
    }

    private static Task<JobRun> RebuildAsync(IServiceProvider services)
    {
        var rebuilder = services.GetRequiredService<AnalyticsRebuilder>();
        return services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind,
            job => rebuilder.RebuildAsync(job, new AnalyticsScope(null, DateRange.LastDays(7, Today)), "tests"));
    }
}
