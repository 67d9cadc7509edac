using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>A migration's progress has one source: the job's counters, which it stores as it goes for every other process to read.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class ProgressReadersTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_console_in_another_process_reads_the_counts_and_baseline_the_running_migration_has()
    {
        Dictionary<string, string?> settings = [];
        var writes = new HeldProductWrites(() => settings["Platform:Tables:Products"]!);
        await using var services = await MigrationWorld.CreateAsync(emulators, 120, s =>
        {
            s["Platform:Migration:Segments"] = "1";
            s["Platform:Migration:ScanPageSize"] = "40";
            s["Platform:Migration:MaxConcurrency"] = "1"; // one write in flight: the held one stops the lane, so the counts stand still
            s["Platform:Migration:WriteMode"] = "Single";
            s["Platform:Migration:ProgressSeconds"] = "1";
            settings = new Dictionary<string, string?>(s);
        }, writes);
        await using var otherConsole = MigrationWorld.SecondWorker(emulators, settings);
        await using var thirdConsole = MigrationWorld.SecondWorker(emulators, settings);
        var run = services.GetRequiredService<MigrationJobs>().StartMigration();
        await writes.Held.Task.WaitAsync(TimeSpan.FromMinutes(1));
        await writes.StoredTwiceSinceHeld.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var other = otherConsole.GetRequiredService<MigrationScreen>();
        var third = thirdConsole.GetRequiredService<MigrationScreen>();

        var seen = other.Progress(null, await other.ReadAsync(default));
        var seenByThird = third.Progress(null, await third.ReadAsync(default));
        var runner = MigrationProgress.From(run, DateTimeOffset.UtcNow);
        writes.Release.SetResult();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));
        var after = await other.ReadAsync(default);

        Assert.NotNull(seen);
        Assert.Equal((40L, 0L, 0L, 0L, 0L, 120L), (runner.Done, runner.Updated, runner.Skipped, runner.Failed, runner.PriorScanned, runner.EstimatedTotal));
        Assert.Equal((runner.Done, runner.Updated, runner.Skipped, runner.Failed, runner.PriorScanned, runner.EstimatedTotal),
            (seen.Done, seen.Updated, seen.Skipped, seen.Failed, seen.PriorScanned, seen.EstimatedTotal));
        Assert.Equal(runner.Segments, seen.Segments);
        Assert.NotNull(seen.Eta);
        Assert.NotNull(seenByThird);
        Assert.Equal((seen.Done, seen.At, seen.ItemsPerSecond, seen.EtaText), (seenByThird.Done, seenByThird.At, seenByThird.ItemsPerSecond, seenByThird.EtaText));
        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Null(after.RunElsewhere);
        Assert.Null(other.Progress(null, after));
        Assert.Equal(120, after.State.LastMigration?.Counts["updated"]);
        Assert.Equal(120, MigrationProgress.From(after.State.LastMigration!)?.Done);
    }

    /// <summary>
    /// Holds the first UpdateItem on the products table until released; says when the run's progress was stored twice
    /// since, and holds its later progress writes until released.
    /// </summary>
    private sealed class HeldProductWrites(Func<string> products) : DelegatingHandler
    {
        private int storedSinceHeld;
        public TaskCompletionSource Held { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource Release { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);
        public TaskCompletionSource StoredTwiceSinceHeld { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            if (target == "DynamoDB_20120810.UpdateItem" && body.Contains($"\"{products()}\"", StringComparison.Ordinal))
            {
                Held.TrySetResult();
                await Release.Task.WaitAsync(ct);
            }
            var progress = target == "DynamoDB_20120810.PutItem" && body.Contains(OpsKeys.MigrationLatest, StringComparison.Ordinal) && Held.Task.IsCompleted;
            // Later writes wait for the release too: each stamps a new time (and rate), and the two readers must see one record.
            if (progress && StoredTwiceSinceHeld.Task.IsCompleted) await Release.Task.WaitAsync(ct);
            var response = await base.SendAsync(request, ct);
            // The second write since the hold was taken after the first ended, so after the hold: its counts are the held ones.
            if (progress && Interlocked.Increment(ref storedSinceHeld) == 2) StoredTwiceSinceHeld.TrySetResult();
            return response;
        }
    }
}
