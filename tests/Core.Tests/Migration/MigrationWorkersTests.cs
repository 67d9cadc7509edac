using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed partial class MigrationWorkersTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_second_worker_joins_a_running_migration_by_claiming_the_free_segments_and_leaves_the_live_ones()
    {
        Dictionary<string, string?> settings = [];
        var written = new ConcurrentDictionary<string, int>();
        var first = new ProductWrites(() => settings["Platform:Tables:Products"]!, written) { Hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously) };
        await using var services = await MigrationWorld.CreateAsync(emulators, 200, s =>
        {
            s["Platform:Migration:Segments"] = "4";
            s["Platform:Migration:SegmentsPerWorker"] = "2";
            s["Platform:Migration:ScanPageSize"] = "25";
            s["Platform:Migration:WriteMode"] = "Single"; // the handlers count and hold UpdateItems
            settings = new Dictionary<string, string?>(s);
        }, first);
        await using var second = MigrationWorld.SecondWorker(emulators, settings, new ProductWrites(() => settings["Platform:Tables:Products"]!, written));
        var running = services.GetRequiredService<JobRunner>().Start(MigrationJob.JobKind, "Migration", services.GetRequiredService<MigrationJob>().RunAsync);
        await first.Reached.Task.WaitAsync(TimeSpan.FromMinutes(1));
        var joinerJob = second.GetRequiredService<MigrationJob>();

        var joined = await second.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JoinKind, j => joinerJob.JoinAsync(j, new MigrationRunSettings()));
        var checkpoints = services.GetRequiredService<BackfillCheckpoints>();
        var segments = await checkpoints.SegmentsAsync((await checkpoints.CurrentAsync(default))!, default);
        first.Hold.SetResult();
        await running.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(joined.State == JobState.Succeeded, joined.Text());
        var joiner = second.GetRequiredService<JobLease>().WorkerId;
        var owner = services.GetRequiredService<JobLease>().WorkerId;
        Assert.Contains(segments, s => s.Owner == joiner);
        Assert.All(segments.Where(s => s.Owner == joiner), s => Assert.True(s.Done));
        Assert.Contains(segments, s => s.Owner == owner);
        Assert.All(segments.Where(s => s.Owner == owner), s => Assert.False(s.Done));
        Assert.Equal(4, segments.Count(s => s.Owner == owner || s.Owner == joiner));
        Assert.True(joined.Counter("updated") > 0);
        Assert.True(running.State == JobState.Succeeded, running.Text());
        Assert.Equal(200, running.Counter("updated") + joined.Counter("updated"));
        Assert.Equal(200, written.Count);
        Assert.All(written, w => Assert.Equal(1, w.Value));
    }

    [Fact]
    public async Task A_dead_workers_expired_lease_and_segment_are_taken_over_by_the_next_run()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 120, s => s["Platform:Migration:Segments"] = "4");
        var anHourAgo = new FakeTimeProvider(DateTimeOffset.UtcNow.AddHours(-1));
        var deadLease = ActivatorUtilities.CreateInstance<JobLease>(services, anHourAgo);
        await using var deadHeld = await deadLease.AcquireAsync(MigrationJob.LeaseName, "crashed-cli", "run-dead", default);
        var deadCheckpoints = ActivatorUtilities.CreateInstance<BackfillCheckpoints>(services, anHourAgo);
        var plan = await deadCheckpoints.OpenAsync(4, default);
        Assert.NotNull(await deadCheckpoints.TryClaimAsync(plan, 1, deadLease.WorkerId, default));
        var job = services.GetRequiredService<MigrationJob>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Contains("Resuming from checkpoints (0 of 4 segments done)", run.Text());
        Assert.Equal(120, run.Counter("updated"));
        Assert.True(run.Counter("segment 1 updated") > 0);
        Assert.Null(await services.GetRequiredService<BackfillCheckpoints>().CurrentAsync(default));
    }

    /// <summary>Counts the products table's successful UpdateItems per product; with <see cref="Hold"/>, holds them until it completes.</summary>
    private sealed partial class ProductWrites(Func<string> table, ConcurrentDictionary<string, int> written) : DelegatingHandler
    {
        public TaskCompletionSource? Hold { get; init; }
        public TaskCompletionSource Reached { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            if (!request.Headers.TryGetValues("X-Amz-Target", out var t) || t.FirstOrDefault() != "DynamoDB_20120810.UpdateItem" || !body.Contains($"\"{table()}\""))
                return await base.SendAsync(request, ct);
            Reached.TrySetResult();
            if (Hold is not null) await Hold.Task;
            var response = await base.SendAsync(request, ct);
            if (response.IsSuccessStatusCode && KeyPattern().Match(body) is { Success: true } m) written.AddOrUpdate(m.Groups[1].Value, 1, (_, n) => n + 1);
            return response;
        }

        [GeneratedRegex("\"Key\":\\{\"id\":\\{\"S\":\"([^\"]+)\"")]
        private static partial Regex KeyPattern();
    }
}
