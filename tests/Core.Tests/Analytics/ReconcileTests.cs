using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Sandbox.Traffic;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class ReconcileTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Reconcile_finds_each_drift_the_sandbox_plants_and_nothing_else()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        await tables.AddCreatorAsync("anna");
        await tables.AddCreatorAsync("ben");
        var (run, planted) = await GenerateAsync(services, new TrafficRequest(Events: 6_000, Days: 30));

        var report = await services.GetRequiredService<AnalyticsReconciler>().ReconcileAsync(new AnalyticsScope(null, DateRange.LastDays(30, Today)), CancellationToken.None);

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(3, planted.Count);
        Assert.Equal(planted.Select(p => (p.Creator.Slug, p.Date)).Order(), report.Differences.Select(d => (d.Creator.Slug, d.Date)).Order());
        var doubled = report.Differences.Single(d => d.Date == planted.Single(p => p.What.Contains("twice")).Date);
        Assert.Equal(DriftKind.Differs, doubled.Kind);
        Assert.Equal(doubled.Recomputed!.Totals, doubled.Difference);
        Assert.False(doubled.Collisions.Any);
        var missing = report.Differences.Single(d => d.Date == planted.Single(p => p.What.Contains("missing")).Date);
        Assert.Equal(DriftKind.MissingSummary, missing.Kind);
        var collided = report.Differences.Single(d => d.Date == planted.Single(p => p.What.Contains("collision")).Date);
        Assert.Equal(DriftKind.Differs, collided.Kind);
        Assert.True(collided.Collisions.AdjacentMillisecond > 0, collided.Explain());
        Assert.True(collided.Difference.ProductViews >= 1, collided.Explain());
        Assert.Contains("signs of key collisions", collided.Explain());
    }

    [Fact]
    public async Task After_a_rebuild_reconcile_finds_no_difference()
    {
        await using var services = emulators.Services();
        await CreateAsync(services);
        await GenerateAsync(services, new TrafficRequest(Events: 3_000, Days: 20, SampleCreators: 2));
        var scope = new AnalyticsScope(null, DateRange.LastDays(20, Today));
        var rebuilder = services.GetRequiredService<AnalyticsRebuilder>();

        var rebuild = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope, "tests"));
        var report = await services.GetRequiredService<AnalyticsReconciler>().ReconcileAsync(scope, CancellationToken.None);

        Assert.Equal(JobState.Succeeded, rebuild.State);
        Assert.Equal(3, rebuild.Counter("days rewritten"));
        Assert.False(report.HasDifferences, string.Join("\n", report.Differences.Select(d => d.Explain())));
        Assert.Equal(2, report.Creators.Count);
    }

    private static async Task<(JobRun, IReadOnlyList<PlantedDrift>)> GenerateAsync(IServiceProvider services, TrafficRequest request)
    {
        var generator = services.GetRequiredService<SandboxTrafficGenerator>();
        IReadOnlyList<PlantedDrift> planted = [];
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SandboxTrafficGenerator.JobKind, async job => planted = await generator.GenerateAsync(job, request));
        Assert.True(run.State == JobState.Succeeded, run.Text());
        return (run, planted);
    }
}
