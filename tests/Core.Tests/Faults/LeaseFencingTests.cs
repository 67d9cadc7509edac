using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>A lease's holder when DynamoDB stops answering or resets: it notices, says so, and stops before anyone may take over.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class LeaseFencingTests(EmulatorFixture emulators)
{
    private static readonly TimeSpan Interval = TimeSpan.FromSeconds(10); // a 30 s lease renewed every third

    [Fact]
    public async Task A_lease_whose_renewals_never_answer_is_lost_before_it_could_expire_and_each_missed_beat_is_logged()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        var (services, clock, logs) = await OpsBehindAsync(proxy);
        await using var _ = services;
        var lease = services.GetRequiredService<JobLease>();
        var handle = await lease.AcquireAsync("migration", "alice", "run-1", default);
        var renewal = Renewal(proxy);
        proxy.Stall();

        clock.Advance(Interval);
        await renewal.WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(Interval);
        await logs.WaitForAsync(l => l.Message.Contains("Missed heartbeat 1 of the migration lease")).WaitAsync(TimeSpan.FromSeconds(30));
        clock.Advance(TimeSpan.FromSeconds(4.9));
        var lostBeforeTheFence = handle.Lost.IsCancellationRequested;
        clock.Advance(TimeSpan.FromSeconds(0.1));
        var lostAtTheFence = handle.Lost.IsCancellationRequested;
        var stored = await Direct(services).ReadAsync("migration", default);
        var disposal = await Record.ExceptionAsync(() => handle.DisposeAsync().AsTask());

        Assert.False(lostBeforeTheFence);
        Assert.True(lostAtTheFence);
        Assert.Contains("no renewal of the migration lease succeeded", handle.LostReason);
        Assert.True(stored!.Until > clock.GetUtcNow(), "the holder stopped while its lease still stood, so nobody else could hold it yet");
        Assert.Contains(logs.Lines, l => l.Level == LogLevel.Error && l.Message.Contains("Lost the migration lease"));
        Assert.Null(disposal);
    }

    [Fact]
    public async Task A_renewal_whose_connection_is_reset_is_a_missed_beat_and_the_lease_still_releases_without_throwing()
    {
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        var (services, clock, logs) = await OpsBehindAsync(proxy);
        await using var _ = services;
        var handle = await services.GetRequiredService<JobLease>().AcquireAsync("migration", "alice", "run-1", default);
        proxy.Schedule = (_, r) => r.Operation == "UpdateItem" ? Fault.Reset : Fault.None;

        clock.Advance(Interval);
        var missed = await logs.WaitForAsync(l => l.Message.Contains("Missed heartbeat 1 of the migration lease")).WaitAsync(TimeSpan.FromSeconds(60));
        proxy.Schedule = (_, _) => Fault.None;
        var renewed = Renewal(proxy);
        // The heartbeat arms its next wait just after it logs the miss: a tick given before that would be lost (the lease
        // outlives two intervals only, so a second tick is no remedy); a pause lets the loop reach its wait first (it is
        // synchronous code after the log line: two seconds leave room for a busy machine).
        await Task.Delay(2000);
        clock.Advance(Interval);
        await renewed.WaitAsync(TimeSpan.FromSeconds(30));
        var disposal = await Record.ExceptionAsync(() => handle.DisposeAsync().AsTask());

        Assert.Equal(LogLevel.Warning, missed.Level);
        Assert.False(handle.Lost.IsCancellationRequested);
        Assert.Null(disposal);
        Assert.Null(await Direct(services).ReadAsync("migration", default));
    }

    /// <summary>Completes when the proxy reads the next lease renewal (an UpdateItem).</summary>
    private static Task Renewal(FaultProxy proxy)
    {
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        proxy.Received += r => { if (r.Operation == "UpdateItem") seen.TrySetResult(); };
        return seen.Task;
    }

    /// <summary>The console's table, reached through <paramref name="proxy"/>, on a clock the test moves.</summary>
    private async Task<(ServiceProvider, FakeTimeProvider, LogRecorder)> OpsBehindAsync(FaultProxy proxy)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var logs = new LogRecorder();
        var services = emulators.Services(s => s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString(), s =>
        {
            s.AddSingleton<TimeProvider>(clock);
            s.AddSingleton<ILoggerProvider>(logs);
        });
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.Ops));
        return (services, clock, logs);
    }

    /// <summary>A lease reader that reaches the emulator without the proxy, on the real clock.</summary>
    private JobLease Direct(ServiceProvider behind) =>
        ActivatorUtilities.CreateInstance<JobLease>(emulators.Services(s => s["Platform:Tables:Ops"] = behind.GetRequiredService<PlatformSchema>().Ops.Name));
}
