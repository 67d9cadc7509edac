using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>A page whose writes take longer than a claim lasts (throttled, slow) keeps its segment: a heartbeat renews the claim.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class SegmentClaimHeartbeatTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_page_that_outlasts_the_claim_keeps_its_segment_and_another_worker_cannot_take_it()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        Dictionary<string, string?> settings = [];
        await using var world = await MigrationWorld.CreateAsync(emulators, 40, s =>
        {
            s["Platform:Migration:Segments"] = "2";
            s["Platform:Migration:SegmentsPerWorker"] = "2";
            s["Platform:Migration:WriteMode"] = "Single";
            settings = new Dictionary<string, string?>(s);
        });
        var renewals = new RenewalsInFlight();
        await using var owner = emulators.Services(s =>
        {
            foreach (var (k, v) in settings) s[k] = v;
            s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString();
        }, s => { s.AddSingleton<TimeProvider>(clock); MigrationWorld.Through(renewals)(s); });
        var table = settings["Platform:Tables:Products"]!;
        var held = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Schedule = (_, r) =>
        {
            if (r.Operation != "UpdateItem" || !r.Body.Contains($"\"{table}\"", StringComparison.Ordinal)) return Fault.None;
            held.TrySetResult();
            return Fault.Stall; // the page's writes go unanswered; the claims' renewals pass
        };
        var run = owner.GetRequiredService<JobRunner>().Start(MigrationJob.JobKind, "Migration", owner.GetRequiredService<MigrationJob>().RunAsync);
        await held.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var start = clock.GetUtcNow();
        while (clock.GetUtcNow() - start < TimeSpan.FromSeconds(50)) // well past the 30 s a claim lasts unrenewed
        {
            // A second at a time, and never while a renewal (the claims' or the lease's) waits for its answer: each renewal
            // has one interval (10 s on this clock) to be answered, and the machine's load must not eat it.
            clock.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(50);
            await renewals.NoneInFlightAsync().WaitAsync(TimeSpan.FromMinutes(1));
        }
        var checkpoints = world.GetRequiredService<BackfillCheckpoints>();
        var plan = (await checkpoints.CurrentAsync(default))!;
        var other = ActivatorUtilities.CreateInstance<BackfillCheckpoints>(world, new FakeTimeProvider(clock.GetUtcNow()));
        var taken = await other.TryClaimAsync(plan, 0, "another-worker", default);
        proxy.Resume();
        proxy.Schedule = (_, _) => Fault.None;
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(2));

        Assert.Null(taken);
        Assert.True(renewals.Answered >= 3 * 4, $"{renewals.Answered} renewals answered in 50 s of the run's clock");
        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Equal(40, run.Counter("updated"));
    }

    /// <summary>Counts the renewals of segment claims and job leases sent on the owner's DynamoDB client and not yet answered.</summary>
    private sealed class RenewalsInFlight : DelegatingHandler
    {
        private int inFlight;
        public int Answered;

        public async Task NoneInFlightAsync()
        {
            while (Volatile.Read(ref inFlight) > 0) await Task.Delay(10);
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var body = request.Content is null ? "" : await request.Content.ReadAsStringAsync(ct);
            var renewal = body.Contains("SET claimUntil = :until\"", StringComparison.Ordinal) || body.Contains("SET leaseUntil = :until", StringComparison.Ordinal);
            if (!renewal) return await base.SendAsync(request, ct);
            Interlocked.Increment(ref inFlight);
            try { return await base.SendAsync(request, ct); }
            finally
            {
                Interlocked.Decrement(ref inFlight);
                Interlocked.Increment(ref Answered);
            }
        }
    }
}
