using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>An admin's Cancel while DynamoDB (and so the audit log) stops answering, through the fault proxy.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class StopDuringStallTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_cancel_while_the_table_stalls_stops_the_job_at_the_audit_deadline_and_writes_its_entry_once_the_table_answers()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var proxy = FaultProxy.Start(emulators.DynamoDbPort);
        await using var services = emulators.Services(s => s["Platform:Sandbox:DynamoDbPort"] = proxy.Port.ToString(),
            s => s.AddSingleton<TimeProvider>(clock));
        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        var run = runner.Start("stall-test", "Stall test", async j => await Task.Delay(Timeout.Infinite, j.CancellationToken));
        var audit = services.GetRequiredService<AuditLog>();

        proxy.Stall();
        var cancel = runner.CancelAsync(run, default);
        await Task.Delay(200); // the entry's write reaches the stalled proxy
        var beforeDeadline = (cancel.IsCompleted, run.CancelledBy);
        clock.Advance(JobRunner.StopAuditDeadline);
        await cancel.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal((false, null), beforeDeadline);
        Assert.Equal(EmulatorFixture.TestAdmin.Id, run.CancelledBy?.Id);
        Assert.Contains(run.Log, l => l.Message.StartsWith("The audit log did not answer within 5 s", StringComparison.Ordinal));
        var kept = Assert.Single(audit.Pending);
        Assert.Equal((AuditActions.JobCancelRequested("stall-test"), run.Id), (kept.Action, kept.JobId));

        // The job's own end entry waits for the table as before; once it answers, the kept request is written with it.
        proxy.Resume();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(3));
        Assert.Equal(JobState.Cancelled, run.State);
        Assert.Empty(audit.Pending);
        var written = (await services.GetRequiredService<AuditReader>().ReadAsync(new(AuditActions.JobCancelRequested("stall-test")), null, 10, default)).Entries;
        Assert.Equal(run.Id, Assert.Single(written).JobId);
    }
}
