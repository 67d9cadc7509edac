using CreatorPlatform.Core.Migration;

namespace CreatorPlatform.Core.Rollout;

/// <summary>Step 7: the last migration run, from the history every console and CLI run writes.</summary>
public sealed class MigrationDoneCheck(MigrationStateService migration) : IRolloutCheck
{
    public string Step => "7";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var state = await migration.ReadAsync(ct);
        var last = state.LastMigration;
        return last switch
        {
            null => Result(CheckState.Red, "Not run yet."),
            { Outcome: RunOutcomes.Running } when state.Lease is not null && state.Lease.Until > state.ReadAt =>
                Result(CheckState.Amber, $"Running since {last.StartedAt:HH:mm:ss} UTC (started by {last.StartedBy})."),
            { Outcome: RunOutcomes.Undone or RunOutcomes.PartlyUndone } => Result(CheckState.Red,
                $"The last run was {last.Outcome} at {(last.Settings.TryGetValue("undoneAt", out var at) ? at[..16].Replace('T', ' ') : "?")} UTC; run the migration again to " +
                    $"redo it."),
            { Outcome: RunOutcomes.Succeeded } => Result(CheckState.Green,
                $"Migrated at {last.EndedAt:yyyy-MM-dd HH:mm} UTC: {last.Counts.GetValueOrDefault(BackfillCounters.Updated)} updated, "
                + $"{last.Counts.GetValueOrDefault(BackfillCounters.Skipped)} already done."),
            _ when state.Resumable => Result(CheckState.Amber, $"The last run {Describe(last)}; it resumes from its checkpoints."),
            _ => Result(CheckState.Red, $"The last run {Describe(last)}."),
        };
    }

    private static string Describe(MigrationRunRecord run) => run.Outcome switch
    {
        RunOutcomes.Cancelled => $"was paused at {run.EndedAt:HH:mm:ss} UTC",
        RunOutcomes.Running => $"stopped without finishing (started {run.StartedAt:yyyy-MM-dd HH:mm} UTC)",
        _ => $"failed: {run.Error}",
    };

    private CheckResult Result(CheckState state, string detail) => new(Step, "Migration done", state, detail, ConsoleScreen.Migration);
}
