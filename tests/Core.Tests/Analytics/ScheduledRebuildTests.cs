using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CreatorPlatform.Core.Analytics.EventTypes;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class ScheduledRebuildTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task After_one_interval_exactly_one_of_two_instances_rebuilt_yesterday_with_exact_counts()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(DateTime.UtcNow.Date.AddHours(12).AddMinutes(5), TimeSpan.Zero));
        var today = DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);
        var shared = SharedTables();
        await using var first = emulators.Services(s => { shared(s); s["Platform:Analytics:Schedule:Interval"] = "00:10:00"; }, o => o.AddSingleton<TimeProvider>(time));
        await using var second = emulators.Services(s => { shared(s); s["Platform:Analytics:Schedule:Interval"] = "00:10:00"; }, o => o.AddSingleton<TimeProvider>(time));
        var tables = await AnalyticsTables.CreateAsync(first);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, today.AddDays(-1), [(PageView, null), (PageView, null), (ProductView, "p1"), (AffiliateClick, "p1")]);
        var ticks = new System.Collections.Concurrent.ConcurrentBag<(int Instance, JobRun? Run)>();
        using var stop = new CancellationTokenSource();
        var loops = new[] { first, second }.Select((services, i) =>
        {
            var schedule = services.GetRequiredService<ScheduledRebuild>();
            schedule.Ticked += run => ticks.Add((i, run));
            return schedule.RunAsync(stop.Token);
        }).ToList();

        time.Advance(TimeSpan.FromMinutes(10));
        await WaitUntilAsync(() => ticks.Count == 2);
        await stop.CancelAsync();
        await Task.WhenAll(loops.Select(l => l.ContinueWith(_ => { })));

        var ran = Assert.Single(ticks, t => t.Run is not null).Run!;
        Assert.Equal(JobState.Succeeded, ran.State);
        Assert.Equal(ScheduledRebuild.ConsoleActor, ran.Actor);
        var summary = Assert.Single(await first.GetRequiredService<AnalyticsStore>().QuerySummariesAsync(anna.Id, new DateRange(today.AddDays(-1), today), CancellationToken.None));
        Assert.Equal((2, 1, 1), (summary.PageViews, summary.ProductViews, summary.AffiliateClicks));
        var history = Assert.Single(await second.GetRequiredService<RebuildRunLog>().RecentAsync(10, CancellationToken.None));
        Assert.Equal((RebuildTrigger.Scheduled, ran.Id, ScheduledRebuild.ConsoleActor.Name), (history.Trigger, history.RunId, history.StartedBy));
        var audit = await first.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(ActorId: ScheduledRebuild.ConsoleActor.Id), null, 50, CancellationToken.None);
        Assert.Contains(audit.Entries, e => e.Action == AuditActions.JobEnded(AnalyticsRebuilder.JobKind, AuditOutcome.Succeeded) && e.ActorId == ScheduledRebuild.ConsoleActor.Id);
    }

    [Fact]
    public async Task Before_there_are_creators_the_schedule_starts_no_job_and_writes_no_audit_entry()
    {
        await using var services = emulators.Services();
        await AnalyticsTables.CreateAsync(services);

        var run = await services.GetRequiredService<ScheduledRebuild>().RunDueAsync(CancellationToken.None);

        Assert.Null(run);
        Assert.Null(services.GetRequiredService<JobRunner>().Latest(AnalyticsRebuilder.JobKind));
        Assert.Empty((await services.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(), null, 10, CancellationToken.None)).Entries);
    }

    [Fact]
    public async Task Since_last_starts_from_the_newest_platform_wide_run_not_from_a_one_creator_run()
    {
        await using var services = emulators.Services();
        await AnalyticsTables.CreateAsync(services);
        var log = services.GetRequiredService<RebuildRunLog>();
        var at = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        var range = new DateRange(new DateOnly(2026, 11, 19), new DateOnly(2026, 11, 20));
        await log.SaveAsync(new RebuildRunRecord("older", RebuildTrigger.Manual, range, null, "ann", at, at.AddMinutes(1), 2, 10), CancellationToken.None);
        await log.SaveAsync(new RebuildRunRecord("scheduled", RebuildTrigger.Scheduled, range, null, "console", at.AddHours(1), at.AddHours(1).AddMinutes(1), 0, 10),
            CancellationToken.None);
        await log.SaveAsync(new RebuildRunRecord("one-creator", RebuildTrigger.Manual, range, "anna", "ann", at.AddHours(2), at.AddHours(2).AddMinutes(1), 1, 3),
            CancellationToken.None);

        var last = await log.LastCompletedAsync(CancellationToken.None);

        Assert.Equal("scheduled", last?.RunId);
    }

    [Fact]
    public void The_schedule_is_on_in_the_sandbox_and_off_by_default_in_aws_mode()
    {
        var unset = new AnalyticsScheduleOptions();

        Assert.True(unset.IsEnabled(PlatformMode.Sandbox));
        Assert.False(unset.IsEnabled(PlatformMode.Aws));
        Assert.True(new AnalyticsScheduleOptions { Enabled = true }.IsEnabled(PlatformMode.Aws));
        Assert.Equal(TimeSpan.FromHours(1), unset.Interval);
    }

    private static Action<Dictionary<string, string?>> SharedTables()
    {
        var prefix = $"s{Guid.NewGuid():N}"[..10];
        return s =>
        {
            foreach (var (key, name) in new[] { ("Products", "P"), ("Creators", "C"), ("AnalyticsEvents", "E"), ("AnalyticsSummaries", "S"), ("Ops", "O") })
                s[$"Platform:Tables:{key}"] = $"{prefix}-{name}";
        };
    }

    private static async Task WaitUntilAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline) throw new TimeoutException("The scheduled rebuild did not tick on both instances within a minute.");
            await Task.Delay(50);
        }
    }
}
