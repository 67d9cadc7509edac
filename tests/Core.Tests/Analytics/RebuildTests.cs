using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class RebuildTests(EmulatorFixture emulators)
{
    private static readonly AnalyticsScope AllCreators = new(null, DateRange.LastDays(90, Today));

    [Fact]
    public async Task Rebuilding_twice_gives_the_same_table_and_the_second_run_writes_nothing()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        var ben = await tables.AddCreatorAsync("ben");
        await tables.AddEventsAsync(anna, Today.AddDays(-5), [(PageView, null), (ProductView, "p1"), (AffiliateClick, "p1")]);
        await tables.AddEventsAsync(anna, Today.AddDays(-4), Repeat(PageView, null, 7));
        await tables.AddEventsAsync(ben, Today.AddDays(-1), Repeat(ProductView, "p2", 4));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-4), 14, 0, 0, []));

        var first = await RebuildAsync(services);
        var afterFirst = await tables.DumpSummariesAsync();
        var second = await RebuildAsync(services);

        Assert.Equal(JobState.Succeeded, first.State);
        Assert.Equal(3, first.Counter("days rewritten"));
        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Counter("days rewritten"));
        Assert.Equal(afterFirst, await tables.DumpSummariesAsync());
        Assert.Contains($"{anna.Id} {Today.AddDays(-4)} 7/0/0 []", afterFirst);
        var usage = Assert.Single(await services.GetRequiredService<CreatorPlatform.Core.Monitoring.JobUsageService>().ListAsync(CancellationToken.None));
        Assert.Equal((14, 0), (usage.ItemsRead, usage.WriteRequests));
        Assert.Contains($"{ben.Id} {Today.AddDays(-1)} 0/4/0 [ProductCount {{ ProductId = p2, Views = 4, Clicks = 0 }}]", afterFirst);
    }

    [Fact]
    public async Task Days_whose_events_expired_by_ttl_are_left_alone_and_the_log_says_so()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        var expired = Today.AddDays(-95);
        var expiredSummary = new DailySummary(anna.Id, expired, 500, 200, 20, [new("p1", 200, 20)]);
        await tables.AddSummaryAsync(expiredSummary);
        // What TTL has not deleted yet: a remnant of the day, far below the summary.
        await tables.AddEventsAsync(anna, expired, [(PageView, null)]);
        var withoutEvents = Today.AddDays(-10);
        await tables.AddSummaryAsync(new DailySummary(anna.Id, withoutEvents, 9, 0, 0, []));

        var run = await RebuildAsync(services, new AnalyticsScope("anna", new DateRange(Today.AddDays(-120), Today)));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(0, run.Counter("days rewritten"));
        Assert.Equal(2, run.Counter("days left alone"));
        Assert.Contains("events expired by TTL", run.Text());
        Assert.Contains("never writes zeros", run.Text());
        var stored = await services.GetRequiredService<AnalyticsStore>().QuerySummariesAsync(anna.Id, new DateRange(expired, expired), CancellationToken.None);
        Assert.True(stored.Single().SameAs(expiredSummary));
        Assert.Equal(9, (await services.GetRequiredService<AnalyticsStore>().QuerySummariesAsync(anna.Id, new DateRange(withoutEvents, withoutEvents),
            CancellationToken.None)).Single().PageViews);
    }

    [Fact]
    public async Task An_unknown_creator_slug_ends_the_rebuild_red()
    {
        await using var services = emulators.Services();
        await CreateAsync(services);

        var run = await RebuildAsync(services, AllCreators with { CreatorSlug = "nobody" });

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("nobody", run.Error);
    }

    private static Task<JobRun> RebuildAsync(IServiceProvider services, AnalyticsScope? scope = null)
    {
        var rebuilder = services.GetRequiredService<AnalyticsRebuilder>();
        return services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope ?? AllCreators, "tests"));
    }
}
