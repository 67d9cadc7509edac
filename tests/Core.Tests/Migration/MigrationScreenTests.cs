using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>The migration screen against DynamoDB Local: what the page shows of the family's jobs, started as the page and the CLI start them.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationScreenTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_migration_started_from_the_screen_shows_its_progress_its_usage_and_its_verification()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 60);
        var screen = services.GetRequiredService<MigrationScreen>();
        var before = await screen.ReadAsync(default);
        Assert.Empty(before.History);
        Assert.Empty(before.Usage);
        Assert.Null(before.LastVerification);
        Assert.Null(before.RunningElsewhere);

        var run = services.GetRequiredService<MigrationJobs>().StartMigration();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(3));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Same(run, screen.LatestRun());
        var after = await screen.ReadAsync(default);
        var progress = Assert.IsType<MigrationProgress>(screen.Progress(run, after));
        Assert.Equal((60L, 60L, 0L, 0L, 0L, 60L), (progress.Done, progress.Updated, progress.Skipped, progress.Failed, progress.PriorScanned, progress.EstimatedTotal));
        var usage = Assert.Single(after.Usage);
        Assert.Equal((services.GetRequiredService<PlatformSchema>().Products.Name, 60L, 60L), (usage.Table, usage.ItemsRead, usage.WriteRequests));
        Assert.Equal("migrate", Assert.Single(after.History).Kind);
        Assert.True(after.LastVerification?.Report.Clean);
        Assert.Null(after.Failures);
        Assert.False(after.Resumable);
        Assert.False(MigrationScreen.FollowsElsewhere(after, run));
    }

    [Fact]
    public async Task A_dry_run_hands_back_its_report_and_shows_no_migration_progress()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 25);
        var screen = services.GetRequiredService<MigrationScreen>();
        DryRunReport? report = null;

        var run = services.GetRequiredService<MigrationJobs>().StartDryRun(r => report = r);
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(25, report?.WouldUpdate);
        Assert.Null(screen.Progress(run, await screen.ReadAsync(default)));
        Assert.Same(run, screen.LatestRun());
        Assert.Empty((await screen.ReadAsync(default)).Usage);
    }

    [Fact]
    public async Task A_lease_held_by_another_worker_shows_as_a_run_elsewhere_that_the_screen_follows()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 5);
        var screen = services.GetRequiredService<MigrationScreen>();
        var otherWorker = ActivatorUtilities.CreateInstance<JobLease>(services);
        await using var held = await otherWorker.AcquireAsync(MigrationJob.LeaseName, "the CLI", "run-elsewhere", default);

        var state = await screen.ReadAsync(default);

        Assert.Equal(("the CLI", "run-elsewhere"), (state.RunningElsewhere?.Holder, state.RunningElsewhere?.RunId));
        Assert.True(MigrationScreen.FollowsElsewhere(state, current: null));
    }
}
