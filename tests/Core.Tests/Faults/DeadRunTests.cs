using System.Diagnostics;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>After a kill -9, the run that takes the lease over closes the dead run's record instead of leaving it running for ever.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DeadRunTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_run_that_takes_over_a_dead_runs_lease_closes_its_history_and_audit_as_interrupted_and_names_itself()
    {
        await using var world = await MigrationWorld.CreateAsync(emulators, 40);
        var dead = ActivatorUtilities.CreateInstance<JobLease>(world, await GoneProcessAsync());
        await using var deadHeld = await dead.AcquireAsync(MigrationJob.LeaseName, "crashed-cli", "run-dead", default, MigrationJob.JobKind);
        var history = world.GetRequiredService<MigrationHistory>();
        await history.SaveAsync(new MigrationRunRecord("run-dead", RunKinds.Migrate, "crashed-cli", DateTimeOffset.UtcNow.AddMinutes(-1), null, RunOutcomes.Running,
            new Dictionary<string, string>(), new Dictionary<string, long>(), null, null), default);

        var run = await world.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, world.GetRequiredService<MigrationJob>().RunAsync);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.Contains("Run run-dead stopped without closing (interrupted)", run.Text());
        var closed = (await history.ListAsync(10, default)).Single(r => r.RunId == "run-dead");
        Assert.Equal(RunOutcomes.Interrupted, closed.Outcome);
        Assert.Contains($"run {run.Id} took the lease over", closed.Error);
        Assert.NotNull(closed.EndedAt);
        var audit = (await world.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(), null, 50, default)).Entries;
        var end = Assert.Single(audit, e => e.JobId == "run-dead");
        Assert.Equal(("migration.interrupted", AuditOutcome.Interrupted), (end.Action, end.Outcome));
        Assert.Contains($"Run {run.Id} took the lease over", end.Detail);
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
