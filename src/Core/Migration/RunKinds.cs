namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What a record in the migration's history is (<see cref="MigrationRunRecord.Kind"/>), as stored. Not a job kind: the
/// migration job (<see cref="MigrationJob.JobKind"/>, "migration") records a "migrate" run; every verification records "verify".
/// </summary>
public static class RunKinds
{
    public const string Migrate = "migrate";
    public const string Verify = "verify";
    public const string Undo = "undo";
}

/// <summary>How a run in the migration's history stands (<see cref="MigrationRunRecord.Outcome"/>), as stored.</summary>
public static class RunOutcomes
{
    /// <summary>Saved at the start; a run that stays so after its lease expired stopped without finishing.</summary>
    public const string Running = "running";
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    /// <summary>Paused or cancelled: its backfill stays open and the next run resumes it.</summary>
    public const string Cancelled = "cancelled";
    /// <summary>A migrate run whose changes an undo put back, all of them or all but the products edited since.</summary>
    public const string Undone = "undone";
    public const string PartlyUndone = "partly undone";
    /// <summary>Its process died mid-run: the run that took its lease over closed it, and names itself in the record's error.</summary>
    public const string Interrupted = "interrupted";
}
