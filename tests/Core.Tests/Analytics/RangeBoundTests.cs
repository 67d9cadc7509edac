using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

/// <summary>Every analytics range is bounded (Platform:Analytics:MaxRangeDays), and reconcile is an admin's cancellable job.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RangeBoundTests(EmulatorFixture emulators)
{
    private static readonly DateRange Absurd = new(DateOnly.MinValue, DateOnly.MaxValue);

    [Fact]
    public void A_range_of_the_bound_is_accepted_and_one_day_more_is_refused_with_the_reason()
    {
        var atBound = DateRange.LastDays(400, Today);
        var over = DateRange.LastDays(401, Today);

        Assert.Null(atBound.Refusal(400));
        Assert.Contains("401 days; at most 400", over.Refusal(400));
        Assert.Contains("outside 2000-01-01 to 2999-12-31", Absurd.Refusal(400));
        Assert.NotNull(new DateRange(DateOnly.MinValue, DateOnly.MinValue.AddDays(29)).Refusal(400));
    }

    [Fact]
    public async Task The_overview_over_the_whole_calendar_is_refused_before_any_read()
    {
        // No table exists: any read would fail with ResourceNotFound instead of the refusal.
        await using var services = emulators.Services();
        var queries = services.GetRequiredService<AnalyticsQueries>();

        var overview = await Assert.ThrowsAsync<DateRangeRefusedException>(() => queries.GetOverviewAsync(Absurd, CancellationToken.None));
        var creator = await Assert.ThrowsAsync<DateRangeRefusedException>(() => queries.GetCreatorAsync("anna", DateRange.LastDays(401, Today), CancellationToken.None));

        Assert.Contains("outside", overview.Message);
        Assert.Contains("at most 400", creator.Message);
    }

    [Fact]
    public async Task The_bound_is_a_setting()
    {
        await using var services = emulators.Services(s => s["Platform:Analytics:MaxRangeDays"] = "7");

        var refusal = services.GetRequiredService<AnalyticsQueries>().Refusal(DateRange.LastDays(8, Today));

        Assert.Contains("at most 7", refusal);
    }

    [Fact]
    public async Task A_reconcile_over_the_bound_fails_at_once_with_the_reason_and_reads_no_day()
    {
        await using var services = emulators.Services();
        await CreateAsync(services);
        var reconciler = services.GetRequiredService<AnalyticsReconciler>();
        var scope = new AnalyticsScope(null, DateRange.LastDays(3_650, Today));

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsReconciler.JobKind, job => reconciler.RunAsync(job, scope));
        var rebuild = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind,
            job => services.GetRequiredService<AnalyticsRebuilder>().RebuildAsync(job, scope, "tests"));

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("3,650 days; at most 400", run.Error);
        Assert.Equal(0, run.Counter("days read"));
        Assert.Equal(JobState.Failed, rebuild.State);
        Assert.Contains("at most 400", rebuild.Error);
    }

    [Fact]
    public async Task A_reconcile_job_reports_its_progress_and_keeps_its_report()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddEventsAsync(anna, Today, ("page_view", null), ("page_view", null));
        var reconciler = services.GetRequiredService<AnalyticsReconciler>();
        var scope = new AnalyticsScope(null, DateRange.LastDays(10, Today));

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsReconciler.JobKind, job => reconciler.RunAsync(job, scope));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(10, run.Counter("days total"));
        Assert.Equal(10, run.Counter("days read"));
        Assert.Equal(2, run.Counter("events"));
        Assert.NotNull(reconciler.Latest);
        var latest = reconciler.Latest;
        Assert.Equal(run.Id, latest.RunId);
        Assert.Equal(DriftKind.MissingSummary, Assert.Single(latest.Report.Differences).Kind);
    }

    [Fact]
    public async Task A_reconcile_job_can_be_cancelled()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        for (var i = 0; i < 3; i++) await tables.AddCreatorAsync($"c{i}");
        var reconciler = services.GetRequiredService<AnalyticsReconciler>();
        var scope = new AnalyticsScope(null, DateRange.LastDays(400, Today));

        var run = services.GetRequiredService<JobRunner>().Start(AnalyticsReconciler.JobKind, "reconcile", job => reconciler.RunAsync(job, scope));
        while (run.Counter("days read") == 0 && !run.Completion.IsCompleted) await Task.Delay(10);
        run.Cancel();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(JobState.Cancelled, run.State);
        Assert.True(run.Counter("days read") < 1_200);
    }

    [Fact]
    public async Task A_viewer_cannot_start_a_reconcile()
    {
        var viewer = new Actor("Vera Viewer", "oid-viewer", AdminRole.Viewer, "tests");
        await using var services = emulators.Services(overrides: s => s.AddSingleton<ICurrentActor>(new FixedActor(viewer)));
        var reconciler = services.GetRequiredService<AnalyticsReconciler>();
        var scope = new AnalyticsScope(null, DateRange.LastDays(7, Today));

        Assert.Throws<AdminAccessDeniedException>(() => services.GetRequiredService<JobRunner>().Start(AnalyticsReconciler.JobKind, "reconcile",
            job => reconciler.RunAsync(job, scope)));
    }
}
