using CreatorPlatform.Core.Migration;

namespace CreatorPlatform.Core.Troubleshooting;

public sealed partial class Troubleshooter
{
    /// <summary>The guide's "GSI Creation Stuck" threshold.</summary>
    public static readonly TimeSpan IndexStuckAfter = TimeSpan.FromMinutes(30);

    /// <summary>An index still CREATING (or backfilling) more than 30 minutes after it was first seen building; null while it is not stuck.</summary>
    public Trouble? IndexStuck(string table, string index, DateTimeOffset buildingSince, DateTimeOffset now, double? throttleEvents, double? percent)
    {
        var minutes = (now - buildingSince).TotalMinutes;
        if (minutes <= IndexStuckAfter.TotalMinutes) return null;
        var throttled = throttleEvents switch
        {
            null => "Its throttle events could not be read (CloudWatch is not available here).",
            > 0 => $"It was throttled {throttleEvents:N0} times (OnlineIndexThrottleEvents): the backfill is competing with the table's writes.",
            _ => "It was not throttled (OnlineIndexThrottleEvents is 0): a large table simply takes long.",
        };
        return new(TroubleKind.IndexStuck, $"{index} has been building for {minutes:N0} minutes",
            $"The index {index} on {table} is still CREATING after more than {IndexStuckAfter.TotalMinutes:N0} minutes{(percent is { } p ? $" ({p:N0}% done)" : "")}. {throttled}",
            throttleEvents > 0
                ? "Let it finish; lower the write load on the table (pause the migration) so the backfill is not throttled. Do not add another index meanwhile."
                : "Let it finish and keep watching the progress; do not add another index meanwhile (one index creation at a time).",
            $"aws dynamodb describe-table --table-name {table}{O.ProfileArgument()} --query 'Table.GlobalSecondaryIndexes[?IndexName==`{index}`].IndexStatus'",
            ConsoleScreen.Tables);
    }

    /// <summary>
    /// Against AWS, every index the rollout adds to <paramref name="spec"/> missing at once (two or more): the storage
    /// stack's deploy would add them in one update, and CloudFormation adds one index per table per stack update, so it
    /// rolls back. The two-step deploy, with its wait, is the command. Null in the sandbox (the console adds them itself)
    /// and when at most one is missing.
    /// </summary>
    public Trouble? IndexesInOneDeploy(Schema.TableSpec spec, IReadOnlyList<Schema.IndexStatus> indexes)
    {
        var missing = Schema.TwoIndexDeploy.Missing(spec, indexes);
        if (O.Mode == PlatformMode.Sandbox || missing.Count < 2) return null;
        var names = string.Join(" and ", missing);
        return new(TroubleKind.IndexesInOneDeploy, $"{names} cannot be added in one deploy",
            $"{spec.Name} lacks {names}. CloudFormation adds one global secondary index per table per stack update, so a deploy of "
                + $"{O.StackName} that adds both rolls back, and the table keeps neither.",
            "Deploy them one at a time: add the first to the storage stack and deploy, wait until it is ACTIVE, then add the second and deploy again.",
            Schema.TwoIndexDeploy.Steps(O, missing).Trim(), ConsoleScreen.Tables);
    }

    /// <summary>A migration run that ended with failures or left products unmigrated; null for a clean run.</summary>
    public static Trouble? MigrationFailures(MigrationRunRecord run)
    {
        var failed = run.Counts.GetValueOrDefault(BackfillCounters.Failed);
        if (run.Kind != RunKinds.Migrate || run.Outcome is RunOutcomes.Succeeded or RunOutcomes.Running or RunOutcomes.Cancelled) return null;
        if (failed == 0 && run.Error is null) return null;
        return new(TroubleKind.MigrationFailures,
            failed > 0 ? $"The migration ended with {failed:N0} failed products" : "The migration ended red",
            failed > 0
                ? "Those products were not updated; every other product was. The reasons AWS gave are below."
                : $"The run stopped before everything was migrated: {run.Error}",
            "Run the migration again: it only touches what is still missing and never replaces a value that is there. "
                + "If the same products fail again, the reason names what to fix (permissions, throttling, an item of the wrong shape).",
            "migrate", ConsoleScreen.Migration)
        {
            Details = run.Error is null ? [] : [run.Error],
        };
    }
}
