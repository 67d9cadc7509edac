using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Troubleshooting;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What the migration screen shows, read once from the ops table: the state, the newest runs' usage, the paused
/// backfill's segments, a run another process holds the lease for, the last run's failures and the last verification.
/// </summary>
public sealed record MigrationScreenState(MigrationState State, IReadOnlyList<JobUsage> Usage)
{
    /// <summary>The lease of a run in another process (another console, the CLI) that still holds it.</summary>
    public LeaseInfo? RunningElsewhere { get; } =
        State.Lease is { } lease && lease.Until > State.ReadAt && lease.Process?.IsGoneFromThisHost() != true ? lease : null;

    public bool Resumable => State.Resumable;

    public int SegmentsDone { get; } = State.Segments.Count(s => s.Done);

    public int Segments => State.Segments.Count;

    /// <summary>What the last migration left unmigrated or failed, if anything.</summary>
    public Trouble? Failures { get; } = State.LastMigration is { } last ? Troubleshooter.MigrationFailures(last) : null;

    public (MigrationRunRecord Run, VerificationReport Report)? LastVerification { get; } = State.LastVerification;

    public IReadOnlyList<MigrationRunRecord> History => State.History;

    /// <summary>The run holding the lease elsewhere, as its job last stored it: its progress is what this process shows of it.</summary>
    public MigrationRunRecord? RunElsewhere => RunningElsewhere is { } lease && State.LastMigration is { Outcome: RunOutcomes.Running } run && run.RunId == lease.RunId
        ? run
        : null;
}

/// <summary>
/// What the migration screen reads: its state, the live progress of a run of this process or the stored progress of
/// one elsewhere; its actions are <see cref="MigrationJobs"/>, which the CLI starts too.
/// </summary>
public sealed class MigrationScreen(JobRunner jobs, MigrationStateService states, JobLease lease, Schema.PlatformSchema schema, AwsContext aws,
    TimeProvider time)
{
    private readonly Lock gate = new();
    private (Task<MigrationScreenState> Read, long At)? shared;
    private (Task<LeaseInfo?> Read, long At)? sharedLease;

    public string ProductsTable => schema.Products.Name;

    /// <summary>What a confirmation asks to type before a write: nothing in the sandbox, the products table's name in the account.</summary>
    public string? TypeToConfirm => aws.IsSandbox ? null : schema.Products.Name;

    /// <summary>Why a read of the state failed, when DynamoDB did not answer: what happened and what to do, without the SDK's words; else null.</summary>
    public string? NoAnswer(Exception e) => aws.DynamoDbNoAnswer(e) is { } what ? $"{what}. {aws.DynamoDbNoAnswerNextStep}" : null;

    /// <summary>The newest run of this process of any of the screen's kinds.</summary>
    public JobRun? LatestRun() => MigrationJobs.Kinds.Select(jobs.Latest).OfType<JobRun>().MaxBy(r => r.StartedAt);

    public async Task<MigrationScreenState> ReadAsync(CancellationToken ct)
    {
        var state = await states.ReadAsync(ct);
        return new(state, JobUsage.Migrations(state, schema.Products.Name));
    }

    /// <summary>
    /// The state for a page that follows a run elsewhere: one read shared by every page (tab, circuit) of this process
    /// that asks within <paramref name="maxAge"/>, so following costs one read per interval whatever the number of tabs.
    /// </summary>
    public Task<MigrationScreenState> ReadSharedAsync(TimeSpan maxAge, CancellationToken ct)
    {
        lock (gate)
        {
            if (shared is not { } s || (s.Read.IsCompleted && time.GetElapsedTime(s.At) >= maxAge))
                shared = s = (ReadAsync(CancellationToken.None), time.GetTimestamp());
            return s.Read.WaitAsync(ct);
        }
    }

    /// <summary>
    /// The progress of a migration run: one of this process from its live counters (no read); one of another process
    /// (the CLI, another replica) from what its job last stored; null while no migration runs or for a run of another kind.
    /// </summary>
    public MigrationProgress? Progress(JobRun? run, MigrationScreenState? state) =>
        run is { Kind: MigrationJob.JobKind, State: JobState.Running } ? MigrationProgress.From(run, time.GetUtcNow())
        : run?.State != JobState.Running && state?.RunElsewhere is { } elsewhere ? MigrationProgress.From(elsewhere)
        : run?.Kind == MigrationJob.JobKind ? MigrationProgress.From(run, time.GetUtcNow())
        : null;

    /// <summary>
    /// Whether the state should be read again: while another process holds the lease, as its progress is in the ops table.
    /// A lease the last read showed is followed until a read shows it gone: released, taken by another run, or expired.
    /// </summary>
    public static bool FollowsElsewhere(MigrationScreenState? state, JobRun? current) => current?.State != JobState.Running && state?.RunningElsewhere is not null;

    /// <summary>
    /// The migration family's lease (migration, undo, repair) as another process or worker holds it now, by this process's
    /// clock: while it does, the screen's Migrate, Undo and Repair would only be refused. Null when it is free, expired or ours.
    /// </summary>
    public LeaseInfo? HeldElsewhere(MigrationScreenState? state) =>
        state?.RunningElsewhere is { } held && held.OwnerId != lease.WorkerId && held.Until > time.GetUtcNow() ? held : null;

    /// <summary>
    /// Whether the lease changed hands since <paramref name="state"/> was read (another process took it while nothing ran here):
    /// one read of the lease shared by every page of this process within <paramref name="maxAge"/>. True also when the lease
    /// cannot be read, so that the page reads its state and says why; false while a run of this process goes on.
    /// </summary>
    public async Task<bool> LeaseChangedAsync(MigrationScreenState? state, JobRun? current, TimeSpan maxAge, CancellationToken ct)
    {
        if (current?.State == JobState.Running) return false;
        Task<LeaseInfo?> read;
        lock (gate)
        {
            if (sharedLease is not { } s || (s.Read.IsCompleted && time.GetElapsedTime(s.At) >= maxAge))
                sharedLease = s = (ReadLeaseAsync(), time.GetTimestamp());
            read = s.Read;
        }
        try
        {
            var held = await read.WaitAsync(ct);
            var now = time.GetUtcNow();
            var live = held is not null && held.Until > now && held.OwnerId != lease.WorkerId && held.Process?.IsGoneFromThisHost() != true ? held : null;
            return live?.RunId != HeldElsewhere(state)?.RunId;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return true;
        }
    }

    private async Task<LeaseInfo?> ReadLeaseAsync()
    {
        try { return await lease.ReadAsync(MigrationJob.LeaseName, CancellationToken.None); }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; } // no console table yet: nothing holds it
    }
}
