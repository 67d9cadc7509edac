using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The migration family's operations, each started as a job on <see cref="JobRunner"/> under one title: the Migration
/// page and the CLI's <c>migrate</c> verbs start them here, so both run the same thing and say the same words.
/// </summary>
public sealed class MigrationJobs(JobRunner jobs, MigrationJob migration, MigrationDryRun dryRun, MigrationVerifier verifier, FeaturedRepair repair,
    MigrationUndo undo)
{
    public const string DryRunTitle = "Migration dry run", MigrationTitle = "Migration", JoinTitle = "Migration (joined worker)",
        VerifyTitle = "Verify migration", RepairTitle = "Repair featured encoding", UndoTitle = "Undo migration";

    /// <summary>The job kinds of the family, which the page follows.</summary>
    public static readonly IReadOnlyList<string> Kinds = [MigrationJob.JobKind, MigrationDryRun.JobKind, MigrationVerifier.JobKind, FeaturedRepair.JobKind,
        FeaturedRepair.DryRunJobKind, MigrationUndo.JobKind, MigrationUndo.DryRunJobKind];

    public JobRun StartDryRun(Action<DryRunReport> done) =>
        jobs.Start(MigrationDryRun.JobKind, DryRunTitle, async job => done(await dryRun.RunAsync(job)));

    public JobRun StartMigration(MigrationRunSettings? overrides = null) =>
        jobs.Start(MigrationJob.JobKind, MigrationTitle, job => migration.RunAsync(job, overrides ?? new MigrationRunSettings()));

    /// <summary>A second worker on the migration in progress: it claims the segments nobody holds and leaves.</summary>
    public JobRun StartJoin(MigrationRunSettings overrides) => jobs.Start(MigrationJob.JoinKind, JoinTitle, job => migration.JoinAsync(job, overrides));

    public JobRun StartVerify() => jobs.Start(MigrationVerifier.JobKind, VerifyTitle, async job => await verifier.RunAsync(job));

    public JobRun StartRepair(bool dry, Action<FeaturedRepairReport>? done = null) =>
        jobs.Start(dry ? FeaturedRepair.DryRunJobKind : FeaturedRepair.JobKind, dry ? $"{RepairTitle} (dry run)" : RepairTitle,
            async job =>
            {
                // Not done?.Invoke(await ...): a null-conditional call would skip the work itself when nobody waits for the report.
                var report = await repair.RunAsync(job, dry);
                done?.Invoke(report);
            });

    /// <summary>Undo of <paramref name="runId"/> (null: the newest run that updated products).</summary>
    public JobRun StartUndo(string? runId, bool dry, Action<UndoReport>? done = null) =>
        jobs.Start(dry ? MigrationUndo.DryRunJobKind : MigrationUndo.JobKind, dry ? $"{UndoTitle} (dry run)" : UndoTitle,
            async job =>
            {
                var report = await undo.RunAsync(job, runId, dry);
                done?.Invoke(report);
            });

    public Task PauseAsync(JobRun run, CancellationToken ct) => jobs.PauseAsync(run, ct);
}
