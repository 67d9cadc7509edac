using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class RestorePreviousTests(EmulatorFixture emulators)
{
    private static readonly AnalyticsScope Week = new(null, DateRange.LastDays(7, Today));

    [Fact]
    public async Task A_rebuild_followed_by_restore_previous_gives_back_the_old_summaries_exactly()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, Today.AddDays(-3), [(PageView, null), (ProductView, "p1"), (AffiliateClick, "p1")]);
        await tables.AddEventsAsync(anna, Today.AddDays(-2), Repeat(PageView, null, 3));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-3), 9, 9, 9, [new("p9", 9, 9), new("p1", 1, 1)]));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-6), 5, 0, 0, []));
        var before = await tables.DumpSummariesAsync();

        var rebuild = await RunAsync(services, AnalyticsRebuilder.JobKind, job => services.GetRequiredService<AnalyticsRebuilder>().RebuildAsync(job, Week, "tests"));
        var rebuilt = await tables.DumpSummariesAsync();
        var restore = await RunAsync(services, SummaryRestorer.JobKind, job => services.GetRequiredService<SummaryRestorer>().RestoreAsync(job, null));
        var again = await RunAsync(services, SummaryRestorer.JobKind, job => services.GetRequiredService<SummaryRestorer>().RestoreAsync(job, rebuild.Id));

        Assert.Equal(2, rebuild.Counter("days rewritten"));
        Assert.NotEqual(before, rebuilt);
        Assert.Equal(JobState.Succeeded, restore.State);
        Assert.Equal((1, 1), (restore.Counter("summaries restored"), restore.Counter("summaries removed")));
        Assert.Equal(before, await tables.DumpSummariesAsync());
        Assert.Equal(JobState.Failed, again.State);
        Assert.Contains("already restored", again.Error);
    }

    [Fact]
    public async Task A_day_changed_after_the_rebuild_is_left_alone_and_the_restore_ends_red()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, Today.AddDays(-3), [(PageView, null)]);
        await tables.AddEventsAsync(anna, Today.AddDays(-2), [(PageView, null)]);
        var rebuild = await RunAsync(services, AnalyticsRebuilder.JobKind, job => services.GetRequiredService<AnalyticsRebuilder>().RebuildAsync(job, Week, "tests"));
        var edited = new DailySummary(anna.Id, Today.AddDays(-2), 40, 0, 0, []);
        await tables.AddSummaryAsync(edited);

        var restore = await RunAsync(services, SummaryRestorer.JobKind, job => services.GetRequiredService<SummaryRestorer>().RestoreAsync(job, rebuild.Id));

        Assert.Equal(JobState.Failed, restore.State);
        Assert.Contains($"{anna.Id} {DailySummaryMapper.FormatDate(Today.AddDays(-2))}", restore.Error);
        Assert.Equal([$"{anna.Id} {Today.AddDays(-2)} 40/0/0 []"], await tables.DumpSummariesAsync());
    }

    private static Task<JobRun> RunAsync(IServiceProvider services, string kind, Func<JobContext, Task> work) =>
        services.GetRequiredService<JobRunner>().RunToEndAsync(kind, work);
}
