using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What a backfill's progress is measured against: the table's item count (DescribeTable, refreshed by DynamoDB about
/// every six hours) and what earlier runs of an open backfill scanned.
/// </summary>
public sealed record ProgressBaseline(long? EstimatedTotal, long PriorScanned);

/// <summary>The one place the migration's progress estimate comes from, for the page and the CLI's progress bar alike.</summary>
public sealed class MigrationProgressEstimator(Schema.SchemaStatusService status, Schema.PlatformSchema schema, BackfillCheckpoints checkpoints)
{
    public async Task<ProgressBaseline> BaselineAsync(CancellationToken ct)
    {
        var table = await status.ReadAsync(schema.Products, ct);
        try
        {
            var open = await checkpoints.CurrentAsync(ct);
            var before = open is null ? 0 : (await checkpoints.SegmentsAsync(open, ct)).Sum(s => s.Scanned);
            return new(table.ItemCount, before);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return new(table.ItemCount, 0); // no console table yet: nothing ran before
        }
    }
}

public sealed record SegmentProgress(int Segment, long Scanned, long Updated, long Skipped, long Failed);

/// <summary>
/// A snapshot of a backfill's progress for people: counts, rate, ETA and per-segment figures. Taken from the run's
/// live counters, plus what earlier runs of the same backfill had done (<paramref name="PriorScanned"/>).
/// </summary>
public sealed record MigrationProgress(long Scanned, long Updated, long Skipped, long Failed, long PriorScanned, long? EstimatedTotal,
    double ItemsPerSecond, IReadOnlyList<SegmentProgress> Segments, DateTimeOffset At)
{
    public long Done => PriorScanned + Scanned;

    public double? Percent => EstimatedTotal is > 0 ? Math.Min(100, Done * 100.0 / EstimatedTotal.Value) : null;

    /// <summary>Null until there is a rate to go by, or when the table's size is unknown.</summary>
    public TimeSpan? Eta => EstimatedTotal is { } total && ItemsPerSecond > 0 && total > Done
        ? TimeSpan.FromSeconds((total - Done) / ItemsPerSecond)
        : null;

    /// <summary>The ETA for people: "2 h 46 min", "4:05" under an hour, "—" while unknown.</summary>
    public string EtaText => Eta is not { } eta ? "—"
        : eta.TotalHours >= 1 ? $"{(int)eta.TotalHours} h {eta.Minutes} min"
        : $"{eta.Minutes}:{eta.Seconds:00}";

    /// <summary>One line for people, as the CLI's progress bar shows it.</summary>
    public string Describe() =>
        $"scanned {Done:N0}/{(EstimatedTotal is { } t ? $"~{t:N0}" : "?")} · updated {Updated:N0} · skipped {Skipped:N0} · failed {Failed:N0} · {ItemsPerSecond:N0}/s";

    public static MigrationProgress From(JobRun run, ProgressBaseline baseline, DateTimeOffset now) => From(run, baseline.PriorScanned, baseline.EstimatedTotal, now);

    public static MigrationProgress From(JobRun run, long priorScanned, long? estimatedTotal, DateTimeOffset now)
    {
        var counters = run.Counters;
        long Get(string name) => counters.GetValueOrDefault(name);
        long Of(int segment, string counter) => Get(BackfillCounters.OfSegment(segment, counter));
        var segments = Enumerable.Range(0, (int)Math.Max(Get(BackfillCounters.Segments), 0))
            .Select(s => new SegmentProgress(s, Of(s, BackfillCounters.Scanned), Of(s, BackfillCounters.Updated), Of(s, BackfillCounters.Skipped),
                Of(s, BackfillCounters.Failed)))
            .ToList();
        var seconds = (now - run.StartedAt).TotalSeconds;
        var rate = seconds > 0.5 ? Get(BackfillCounters.Scanned) / seconds : 0;
        return new MigrationProgress(Get(BackfillCounters.Scanned), Get(BackfillCounters.Updated), Get(BackfillCounters.Skipped), Get(BackfillCounters.Failed),
            priorScanned, estimatedTotal, rate, segments, now);
    }
}
