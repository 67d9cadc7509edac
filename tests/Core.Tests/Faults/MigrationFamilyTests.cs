using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>A migration, a joined worker, an undo and a repair never write the products at once, a paused migration included.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationFamilyTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_joined_worker_refuses_a_paused_migration_and_finds_nothing_to_join_after_its_undo()
    {
        var (world, settings) = await PausedAsync();
        await using var _ = world;
        await using var second = MigrationWorld.SecondWorker(emulators, settings);
        var joiner = second.GetRequiredService<MigrationJob>();
        var undo = world.GetRequiredService<MigrationUndo>();

        var joinedPaused = await second.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JoinKind, j => joiner.JoinAsync(j, new MigrationRunSettings()));
        var undone = await world.GetRequiredService<JobRunner>().RunToEndAsync(MigrationUndo.JobKind, j => undo.RunAsync(j, null, dryRun: false));
        var joinedAfter = await second.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JoinKind, j => joiner.JoinAsync(j, new MigrationRunSettings()));

        Assert.Equal(JobState.Failed, joinedPaused.State);
        Assert.Contains("No migration is running to join", joinedPaused.Error);
        Assert.Equal(0, joinedPaused.Counter("updated"));
        Assert.True(undone.State == JobState.Succeeded, undone.Text());
        Assert.Contains("Closed backfill", undone.Text());
        Assert.Equal(JobState.Failed, joinedAfter.State);
        Assert.Contains("No migration is open to join", joinedAfter.Error);
        Assert.All(await MigrationWorld.ProductsAsync(world), p => Assert.False(p.ContainsKey("creatorId"), p["id"].S));
    }

    [Fact]
    public async Task Undo_refuses_while_a_worker_holds_a_claim_on_the_open_backfill_and_changes_nothing()
    {
        var (world, _) = await PausedAsync();
        await using var __ = world;
        var checkpoints = world.GetRequiredService<BackfillCheckpoints>();
        var plan = (await checkpoints.CurrentAsync(default))!;
        var free = (await checkpoints.SegmentsAsync(plan, default)).First(s => !s.Done);
        Assert.NotNull(await checkpoints.TryClaimAsync(plan, free.Segment, "joined-worker", default));
        var before = (await MigrationWorld.ProductsAsync(world)).Count(p => p.ContainsKey("creatorId"));
        var undo = world.GetRequiredService<MigrationUndo>();

        var refused = await world.GetRequiredService<JobRunner>().RunToEndAsync(MigrationUndo.JobKind, j => undo.RunAsync(j, null, dryRun: false));

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains($"worker joined-worker holds segment {free.Segment}", refused.Error);
        Assert.Contains("Nothing was changed", refused.Error);
        Assert.Equal(before, (await MigrationWorld.ProductsAsync(world)).Count(p => p.ContainsKey("creatorId")));
        Assert.NotNull(await checkpoints.CurrentAsync(default));
    }

    [Fact]
    public async Task The_featured_repair_is_refused_while_a_migration_holds_the_familys_lease()
    {
        await using var world = await MigrationWorld.CreateAsync(emulators, 10);
        var other = ActivatorUtilities.CreateInstance<JobLease>(world);
        await using var held = await other.AcquireAsync(MigrationJob.LeaseName, "alice", "run-1", default, MigrationJob.JobKind);
        var repair = world.GetRequiredService<FeaturedRepair>();

        var refused = await world.GetRequiredService<JobRunner>().RunToEndAsync(FeaturedRepair.JobKind, j => repair.RunAsync(j, dryRun: false));

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("started by alice", refused.Error);
    }

    [Fact]
    public async Task A_segment_claim_that_lands_as_the_migration_pauses_is_released_so_undo_can_run_at_once()
    {
        // The third segment claim lands, and its answer comes back only once the migration has been paused.
        var claims = 0;
        var slow = new LandedSlowAnswer((_, body) => body.Contains("SET #owner = :me, claimUntil = :until", StringComparison.Ordinal)
            && Interlocked.Increment(ref claims) == 3);
        // Eight segments for two lanes: after its first segment a lane claims another one, mid-run, which is the claim held up.
        await using var world = await MigrationWorld.CreateAsync(emulators, 80, s =>
        {
            s["Platform:Migration:Segments"] = "8";
            s["Platform:Migration:SegmentsPerWorker"] = "2";
            s["Platform:Migration:ScanPageSize"] = "5";
            s["Platform:Migration:WriteMode"] = "Single";
        }, slow);
        var runner = world.GetRequiredService<JobRunner>();
        var run = runner.Start(MigrationJob.JobKind, "Migration", world.GetRequiredService<MigrationJob>().RunAsync);
        await slow.Landed.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await runner.PauseAsync(run, default);
        slow.Release();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        var checkpoints = world.GetRequiredService<BackfillCheckpoints>();
        var plan = (await checkpoints.CurrentAsync(default))!;

        var held = (await checkpoints.SegmentsAsync(plan, default)).Where(s => !s.Done && s.Owner is not null).ToList();
        var undo = world.GetRequiredService<MigrationUndo>();
        var undone = await runner.RunToEndAsync(MigrationUndo.JobKind, j => undo.RunAsync(j, null, dryRun: false));

        Assert.True(run.State == JobState.Cancelled, run.Text());
        Assert.Empty(held.Select(s => $"segment {s.Segment} held by {s.Owner}"));
        Assert.True(undone.State == JobState.Succeeded, undone.Text());
    }

    /// <summary>A migration paused after its first writes: its backfill open, its lease free, some products migrated.</summary>
    private async Task<(ServiceProvider, Dictionary<string, string?>)> PausedAsync()
    {
        Dictionary<string, string?> settings = [];
        var reached = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var world = await MigrationWorld.CreateAsync(emulators, 80, s =>
        {
            s["Platform:Migration:Segments"] = "4";
            s["Platform:Migration:ScanPageSize"] = "5";
            s["Platform:Migration:WriteMode"] = "Single";
            settings = new Dictionary<string, string?>(s);
        }, new CountingUpdates(reached));
        var runner = world.GetRequiredService<JobRunner>();
        var run = runner.Start(MigrationJob.JobKind, "Migration", world.GetRequiredService<MigrationJob>().RunAsync);
        await reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await runner.PauseAsync(run, default);
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.True(run.State == JobState.Cancelled, run.Text());
        Assert.NotNull(await world.GetRequiredService<BackfillCheckpoints>().CurrentAsync(default));
        return (world, settings);
    }

    /// <summary>Signals once the products table has had ten UpdateItems.</summary>
    private sealed class CountingUpdates(TaskCompletionSource reached) : DelegatingHandler
    {
        private int updates;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var t) && t.FirstOrDefault() == "DynamoDB_20120810.UpdateItem"
                && Interlocked.Increment(ref updates) >= 10) reached.TrySetResult();
            return base.SendAsync(request, ct);
        }
    }
}
