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
    public MigrationRunRecord? LastMigration => History.FirstOrDefault(r => r.Kind == "migrate");

    /// <summary>The newest verification, by the migration's last step or by a verify run of its own.</summary>
    public (MigrationRunRecord Run, VerificationReport Report)? LastVerification => History
        .Where(r => r.Verification is not null)
        .Select(r => ((MigrationRunRecord Run, VerificationReport Report)?)(r, JsonSerializer.Deserialize<VerificationReport>(r.Verification!)!))
        .FirstOrDefault();

    /// <summary>A backfill left open by a paused, cancelled or crashed run: the next run resumes it.</summary>
    public bool Resumable => OpenBackfill is not null && (Lease is null || Lease.Until < ReadAt);
}

public sealed class MigrationStateService(MigrationHistory history, BackfillCheckpoints checkpoints, JobLease lease, TimeProvider time)
{
    /// <summary>The state, or an empty one while the console's own table does not exist yet (nothing has run).</summary>
    public async Task<MigrationState> ReadAsync(CancellationToken ct)
    {
        try
        {
            var runs = history.ListAsync(20, ct);
            var plan = await checkpoints.CurrentAsync(ct);
            var segments = plan is null ? [] : await checkpoints.SegmentsAsync(plan, ct);
            var held = await lease.ReadAsync(MigrationJob.LeaseName, ct);
            return new MigrationState(await runs, plan, segments, held, time.GetUtcNow());
        }
        catch (ResourceNotFoundException)
        {
            return new MigrationState([], null, [], null, time.GetUtcNow());
        }
    }
}
