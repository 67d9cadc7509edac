using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>
/// DynamoDB stops answering a migration for two lease lifetimes while a second console waits for the lease. Each
/// console reaches DynamoDB Local through a proxy of its own, whose log says in which order their writes arrived.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationStallTests(EmulatorFixture emulators)
{
    private const int Products = 200;

    [Fact]
    public async Task A_migration_stalled_for_two_lease_lifetimes_stops_before_the_waiting_worker_takes_over_and_every_product_ends_right_once()
    {
        await using var world = await MigrationWorld.CreateAsync(emulators, Products, s =>
        {
            s["Platform:Migration:Segments"] = "4";
            s["Platform:Migration:SegmentsPerWorker"] = "2";
            s["Platform:Migration:ScanPageSize"] = "20";
            s["Platform:Migration:WriteMode"] = "Single";
        });
        var table = world.GetRequiredService<CreatorPlatform.Core.Schema.PlatformSchema>().Products.Name;
        bool ProductWrite(ProxiedRequest r) => r.Operation == "UpdateItem" && r.Body.Contains($"\"{table}\"", StringComparison.Ordinal);
        var start = DateTimeOffset.UtcNow;
        await using var proxyA = FaultProxy.Start(emulators.DynamoDbPort);
        await using var proxyB = FaultProxy.Start(emulators.DynamoDbPort);
        var (clockA, clockB) = (new FakeTimeProvider(start), new FakeTimeProvider(start));
        await using var a = Worker(world, proxyA, clockA);
        await using var b = Worker(world, proxyB, clockB);
        var stalled = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var writesA = 0;
        proxyA.Schedule = (_, r) =>
        {
            if (!ProductWrite(r) || Interlocked.Increment(ref writesA) <= 60) return Fault.None;
            proxyA.Stall();
            stalled.TrySetResult();
            return Fault.Stall;
        };
        var runA = a.GetRequiredService<JobRunner>().Start(MigrationJob.JobKind, "Migration", a.GetRequiredService<MigrationJob>().RunAsync);
        await stalled.Task.WaitAsync(TimeSpan.FromMinutes(1));

        var waitingB = Task.Run(async () =>
        {
            await b.GetRequiredService<JobLease>().WaitUntilFreeAsync(MigrationJob.LeaseName, TimeSpan.FromMinutes(5), (_, _) => { }, default);
            return b.GetRequiredService<JobRunner>().Start(MigrationJob.JobKind, "Migration", b.GetRequiredService<MigrationJob>().RunAsync);
        });
        while (clockA.GetUtcNow() < start.AddSeconds(60) || !waitingB.IsCompleted)
        {
            clockA.Advance(TimeSpan.FromSeconds(1)); // two lease lifetimes of stall, on the stalled worker's clock
            if (!waitingB.IsCompleted) clockB.Advance(TimeSpan.FromSeconds(1));
            await Task.Delay(20); // pacing only: lets the workers' continuations run between ticks
        }
        proxyA.Resume();
        var runB = await waitingB;
        await Task.WhenAll(runA.Completion, runB.Completion).WaitAsync(TimeSpan.FromMinutes(3));

        Assert.True(runA.State == JobState.Failed, $"A: {runA.State} {runA.Text()}\nB: {runB.State} {runB.Text()} at {clockB.GetUtcNow():o} start {start:o}");
        Assert.StartsWith("Lease lost: no renewal of the migration lease succeeded", runA.Error);
        Assert.Contains($"updated {runA.Counter("updated"):N0}", runA.Error);
        Assert.True(runB.State == JobState.Succeeded, $"{runB.Text()} B at {clockB.GetUtcNow():o} started {runB.StartedAt:o}, A at {clockA.GetUtcNow():o}");
        var lastOfA = proxyA.Forwarded.Where(ProductWrite).Max(r => r.Order);
        var firstOfB = proxyB.Forwarded.Where(ProductWrite).Min(r => r.Order);
        Assert.True(lastOfA < firstOfB, $"the stalled worker wrote (#{lastOfA}) after the new holder began (#{firstOfB})");
        Assert.Equal(Products, runA.Counter("updated") + runB.Counter("updated"));
        var creator = Assert.Single(await world.GetRequiredService<CreatorPlatform.Core.Creators.CreatorStore>().FindBySlugAsync("jesskoufo", default));
        Assert.All(await MigrationWorld.ProductsAsync(world), p =>
        {
            Assert.Equal(creator.Id, p["creatorId"].S);
            Assert.Equal(("approved", "false"), (p["status"].S, p["featured"].S));
        });
        var history = (await world.GetRequiredService<MigrationHistory>().ListAsync(10, default)).ToDictionary(r => r.RunId);
        Assert.Equal((RunOutcomes.Failed, "lease lost"), (history[runA.Id].Outcome, history[runA.Id].Error));
        Assert.Equal(RunOutcomes.Succeeded, history[runB.Id].Outcome);
        var audit = (await world.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(), null, 50, default)).Entries;
        Assert.Contains(audit, e => e.JobId == runA.Id && e.Outcome == AuditOutcome.Failed && e.Detail!.StartsWith("Lease lost", StringComparison.Ordinal));
        Assert.Contains(audit, e => e.JobId == runB.Id && e.Outcome == AuditOutcome.Succeeded);
    }

    /// <summary>A console on the same tables as <paramref name="world"/>, reaching DynamoDB through <paramref name="proxy"/>, on its own clock.</summary>
    private ServiceProvider Worker(ServiceProvider world, FaultProxy proxy, FakeTimeProvider clock)
    {
        var options = world.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value;
        return emulators.Services(s =>
        {
            s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString();
            s["Platform:Tables:Products"] = options.Tables.Products;
            s["Platform:Tables:Creators"] = options.Tables.Creators;
            s["Platform:Tables:AnalyticsEvents"] = options.Tables.AnalyticsEvents;
            s["Platform:Tables:AnalyticsSummaries"] = options.Tables.AnalyticsSummaries;
            s["Platform:Tables:Ops"] = options.Tables.Ops;
            s["Platform:Migration:Segments"] = "4";
            s["Platform:Migration:SegmentsPerWorker"] = "2";
            s["Platform:Migration:ScanPageSize"] = "20";
            s["Platform:Migration:WriteMode"] = "Single";
        }, s => s.AddSingleton<TimeProvider>(clock));
    }
}
