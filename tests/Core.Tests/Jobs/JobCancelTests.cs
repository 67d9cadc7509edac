using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Jobs;

/// <summary>Cancelling a job goes through the runner: admins only, audited either way, against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class JobCancelTests(EmulatorFixture emulators)
{
    private static readonly Actor Viewer = new("Vera Viewer", "oid-viewer", AdminRole.Viewer, "tests");

    private sealed class SwitchableActor : ICurrentActor
    {
        public Actor Actor { get; set; } = EmulatorFixture.TestAdmin;
    }

    [Fact]
    public async Task A_viewers_cancel_is_refused_and_audited_and_an_admins_cancel_is_audited_and_named_in_the_end()
    {
        var who = new SwitchableActor();
        await using var services = emulators.Services(overrides: s => s.AddSingleton<ICurrentActor>(who));
        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        var run = runner.Start("cancel-test", "Cancel test", async j => await Task.Delay(Timeout.Infinite, j.CancellationToken));

        who.Actor = Viewer;
        var refused = await Assert.ThrowsAsync<AdminAccessDeniedException>(() => runner.CancelAsync(run, default));
        var stillRunning = run.State;
        who.Actor = EmulatorFixture.TestAdmin;
        await runner.CancelAsync(run, default);
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal("oid-viewer", refused.Actor.Id);
        Assert.Equal(JobState.Running, stillRunning);
        Assert.Equal(JobState.Cancelled, run.State);
        Assert.Equal("Cancelled by Test Admin.", run.Error);
        Assert.Contains(run.Log, l => l.Message == "Cancel Cancel test requested by Test Admin.");
        var entries = (await services.GetRequiredService<AuditReader>().ReadAsync(new(AuditActions.JobCancelRequested("cancel-test")), null, 10, default)).Entries;
        var byViewer = Assert.Single(entries, e => e.ActorId == "oid-viewer");
        Assert.Equal((AuditOutcome.Failed, run.Id), (byViewer.Outcome, byViewer.JobId));
        var byAdmin = Assert.Single(entries, e => e.ActorId == EmulatorFixture.TestAdmin.Id);
        Assert.Equal(AuditOutcome.Succeeded, byAdmin.Outcome);
    }
}
