using System.Diagnostics;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Jobs;

[Collection(EmulatorCollection.Name)]
public sealed class JobLeaseTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_lease_whose_holder_process_is_gone_from_this_host_is_taken_at_once()
    {
        await using var services = await OpsOnlyAsync();
        var crashed = ActivatorUtilities.CreateInstance<JobLease>(services, await GoneProcessAsync());
        _ = await crashed.AcquireAsync("migration", "crashed-cli", "run-dead", default);
        var lease = services.GetRequiredService<JobLease>();

        await using var taken = await lease.AcquireAsync("migration", "operator", "run-next", default);

        var now = await lease.ReadAsync("migration", default);
        Assert.Equal(("operator", "run-next", lease.WorkerId), (now!.Holder, now.RunId, now.OwnerId));
    }

    [Fact]
    public async Task A_lease_whose_holder_process_is_alive_is_refused_with_the_process_named()
    {
        await using var services = await OpsOnlyAsync();
        var other = ActivatorUtilities.CreateInstance<JobLease>(services);
        await using var held = await other.AcquireAsync("migration", "alice", "run-1", default);

        var refused = await Assert.ThrowsAsync<LeaseHeldException>(() => services.GetRequiredService<JobLease>().AcquireAsync("migration", "bob", "run-2", default));

        Assert.Contains("started by alice", refused.Message);
        Assert.Contains($"(process {Environment.ProcessId})", refused.Message);
    }

    [Fact]
    public async Task A_process_id_now_used_by_another_process_counts_as_gone_and_a_live_one_does_not()
    {
        var current = WorkerProcess.Current;

        var reused = current with { StartedAtMs = current.StartedAtMs - 60_000 };
        var elsewhere = (await GoneProcessAsync()) with { Host = "another-host" };

        Assert.True(reused.IsGoneFromThisHost());
        Assert.False(current.IsGoneFromThisHost());
        Assert.False(elsewhere.IsGoneFromThisHost());
        Assert.Equal(current, WorkerProcess.FromWorkerId(current.NewWorkerId()));
    }

    [Fact]
    public async Task Every_job_kind_is_refused_while_another_process_holds_its_lease()
    {
        await using var services = await OpsOnlyAsync();
        var other = ActivatorUtilities.CreateInstance<JobLease>(services);
        await using var held = await other.AcquireAsync(AnalyticsRebuilder.JobKind, "alice", "run-1", default);
        var ran = false;

        var refused = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind, _ => { ran = true; return Task.CompletedTask; });

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("started by alice", refused.Error);
        Assert.False(ran);
    }

    [Fact]
    public async Task A_job_holds_its_kinds_lease_while_it_runs_and_releases_it_at_the_end()
    {
        await using var services = await OpsOnlyAsync();
        var lease = services.GetRequiredService<JobLease>();
        LeaseInfo? during = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync("schema", async _ => during = await lease.ReadAsync("schema", default));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal((run.Id, WorkerProcess.Current.Pid), (during!.RunId, during.Process!.Pid));
        Assert.Null(await lease.ReadAsync("schema", default));
    }

    [Fact]
    public async Task A_lease_that_lands_as_its_run_is_cancelled_is_let_go_and_the_work_never_starts()
    {
        // The lease's put lands, and its answer comes back only once the run has been cancelled.
        var slow = new LandedSlowAnswer((target, body) => target == "DynamoDB_20120810.PutItem" && body.Contains("leaseUntil", StringComparison.Ordinal));
        await using var services = await OpsOnlyAsync(handler: slow);
        var runner = services.GetRequiredService<JobRunner>();
        var ran = false;
        var run = runner.Start(AnalyticsRebuilder.JobKind, "rebuild", _ => { ran = true; return Task.CompletedTask; });
        await slow.Landed.Task.WaitAsync(TimeSpan.FromSeconds(30));

        await runner.CancelAsync(run, default);
        slow.Release();
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(JobState.Cancelled, run.State);
        Assert.False(ran);
        Assert.Null(await services.GetRequiredService<JobLease>().ReadAsync(AnalyticsRebuilder.JobKind, default));
    }

    [Fact]
    public async Task Waiting_for_a_lease_counts_down_until_its_holder_lets_go()
    {
        var clock = new TimerWatchingClock(DateTimeOffset.UtcNow);
        await using var services = await OpsOnlyAsync(clock);
        var other = ActivatorUtilities.CreateInstance<JobLease>(services, TimeProvider.System);
        var held = await other.AcquireAsync("migration", "alice", "run-1", default);
        clock.SetUtcNow(DateTimeOffset.UtcNow); // the holder's lease runs from the real clock's now
        var ticks = new List<TimeSpan>();

        var waiting = services.GetRequiredService<JobLease>().WaitUntilFreeAsync("migration", TimeSpan.FromSeconds(20), (info, left) => ticks.Add(left), default);
        await clock.TimerCreatedAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        await clock.TimerCreatedAsync();
        await held.DisposeAsync();
        clock.Advance(TimeSpan.FromSeconds(1));
        var free = await waiting;

        Assert.True(free);
        Assert.Equal(2, ticks.Count);
        Assert.InRange(ticks[0].TotalSeconds, 1, 30);
        Assert.Equal(ticks[0] - TimeSpan.FromSeconds(1), ticks[1]);
    }

    /// <summary>Only the console's own table, which is all a lease needs.</summary>
    private async Task<ServiceProvider> OpsOnlyAsync(TimeProvider? clock = null, DelegatingHandler? handler = null)
    {
        var services = emulators.Services(overrides: s =>
        {
            if (clock is not null) s.AddSingleton(clock);
            if (handler is not null) Migration.MigrationWorld.Through(handler)(s);
        });
        var schema = services.GetRequiredService<CreatorPlatform.Core.Schema.PlatformSchema>();
        var dynamoDb = services.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>();
        await dynamoDb.CreateTableAsync(CreatorPlatform.Core.Schema.TableRequests.Create(schema.Ops));
        return services;
    }

    /// <summary>A process of this host that has ended: as a crashed or killed CLI leaves its lease.</summary>
    private static async Task<WorkerProcess> GoneProcessAsync()
    {
        using var process = Process.Start(new ProcessStartInfo("sleep", "0.2") { UseShellExecute = false })!;
        var started = new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds();
        await process.WaitForExitAsync();
        return new WorkerProcess(Environment.MachineName, process.Id, started);
    }
}
