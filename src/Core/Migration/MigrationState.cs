using CreatorPlatform.Core.Jobs;
using System.Text.Json;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>Where the migration stands, from the ops table: what any console instance or CLI run left there.</summary>
public sealed record MigrationState(
    IReadOnlyList<MigrationRunRecord> History,
    BackfillPlan? OpenBackfill,
    IReadOnlyList<SegmentState> Segments,
    LeaseInfo? Lease,
    DateTimeOffset ReadAt)
{
    /// <summary>The newest run of each kind, kept apart from <see cref="History"/> (which holds only the newest few of all kinds).</summary>
    public IReadOnlyDictionary<string, MigrationRunRecord> LatestByKind { get; init; } = new Dictionary<string, MigrationRunRecord>();

    public MigrationRunRecord? LastMigration => Newest(History.Where(r => r.Kind == RunKinds.Migrate).Take(1).Concat(Latest(RunKinds.Migrate)));

    /// <summary>The newest verification, by the migration's last step or by a verify run of its own.</summary>
    public (MigrationRunRecord Run, VerificationReport Report)? LastVerification =>
        Newest(History.Concat(LatestByKind.Values).Where(r => r.Verification is not null)) is { } run
            ? (run, JsonSerializer.Deserialize<VerificationReport>(run.Verification!)!)
            : null;

    /// <summary>A backfill left open by a paused, cancelled or crashed run: the next run resumes it.</summary>
    public bool Resumable => OpenBackfill is not null && (Lease is null || Lease.Until < ReadAt);

    private IEnumerable<MigrationRunRecord> Latest(string kind) => LatestByKind.TryGetValue(kind, out var r) ? [r] : [];

    // The same run may be in both lists, the latest copy with its end: prefer the one that ended.
    private static MigrationRunRecord? Newest(IEnumerable<MigrationRunRecord> runs) =>
        runs.OrderByDescending(r => r.StartedAt).ThenByDescending(r => r.EndedAt.HasValue).FirstOrDefault();
}

public sealed class MigrationStateService(MigrationHistory history, BackfillCheckpoints checkpoints, JobLease lease, TimeProvider time)
{
    /// <summary>The state, or an empty one while the console's own table does not exist yet (nothing has run).</summary>
    public async Task<MigrationState> ReadAsync(CancellationToken ct)
    {
        try
        {
            // The reads go at once, and every one is awaited: a failure of one never leaves the others unobserved.
            var runs = history.ListAsync(20, ct);
            var latest = history.LatestByKindAsync(ct);
            var open = OpenBackfillAsync(ct);
            var held = lease.ReadAsync(MigrationJob.LeaseName, ct);
            await Task.WhenAll(runs, latest, open, held);
            var (plan, segments) = await open;
            return new MigrationState(await runs, plan, segments, await held, time.GetUtcNow()) { LatestByKind = await latest };
        }
        catch (ResourceNotFoundException)
        {
            return new MigrationState([], null, [], null, time.GetUtcNow());
        }
    }

    private async Task<(BackfillPlan? Plan, IReadOnlyList<SegmentState> Segments)> OpenBackfillAsync(CancellationToken ct)
    {
        var plan = await checkpoints.CurrentAsync(ct);
        return (plan, plan is null ? [] : await checkpoints.SegmentsAsync(plan, ct));
    }
}
