using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The size a backfill's progress is measured against: the products table's item count (DescribeTable, refreshed by
/// DynamoDB about every six hours). A run reads it once, at its start, and keeps it among its counters
/// (<see cref="BackfillCounters.TableItems"/>, beside <see cref="BackfillCounters.PriorScanned"/>), so that every reader
/// of the run measures against the same figure.
/// </summary>
public sealed class MigrationProgressEstimator(Schema.SchemaStatusService status, Schema.PlatformSchema schema)
{
    /// <summary>Null when DynamoDB did not say (the table is missing or unreadable).</summary>
    public async Task<long?> TableItemsAsync(CancellationToken ct) => (await status.ReadAsync(schema.Products, ct)).ItemCount;
}

public sealed record SegmentProgress(int Segment, long Scanned, long Updated, long Skipped, long Failed);

/// <summary>
/// A snapshot of a backfill's progress for people: counts, rate, ETA and per-segment figures. Taken from a run's counters
/// (its live ones in this process, or the copy its job stored in the ops table for every other reader), which hold its
/// baseline too: what earlier runs of the same backfill had done (<paramref name="PriorScanned"/>) and the table's size.
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

    /// <summary>Whether the run has its baseline yet (its job sets it once it opened the backfill).</summary>
    public static bool HasBaseline(IReadOnlyDictionary<string, long> counters) => counters.ContainsKey(BackfillCounters.PriorScanned);

    /// <summary>A run of this process, from its live counters (an ended run's rate is the one it ended with).</summary>
    public static MigrationProgress From(JobRun run, DateTimeOffset now) => From(run.Counters, run.StartedAt, run.EndedAt ?? now);

    /// <summary>A run as its job last stored it (any process): null when it stored no progress.</summary>
    public static MigrationProgress? From(MigrationRunRecord record) =>
        record.Progress is { } stored ? From(stored.Counters, record.StartedAt, stored.At) : null;

    /// <param name="at">When the counters were read: the rate is what the run scanned from its start until then.</param>
    public static MigrationProgress From(IReadOnlyDictionary<string, long> counters, DateTimeOffset startedAt, DateTimeOffset at)
    {
        long Get(string name) => counters.GetValueOrDefault(name);
        long Of(int segment, string counter) => Get(BackfillCounters.OfSegment(segment, counter));
        var segments = Enumerable.Range(0, (int)Math.Clamp(Get(BackfillCounters.Segments), 0, 1000))
            .Select(s => new SegmentProgress(s, Of(s, BackfillCounters.Scanned), Of(s, BackfillCounters.Updated), Of(s, BackfillCounters.Skipped),
                Of(s, BackfillCounters.Failed)))
            .ToList();
        var seconds = (at - startedAt).TotalSeconds;
        var rate = seconds > 0.5 ? Get(BackfillCounters.Scanned) / seconds : 0;
        long? total = counters.TryGetValue(BackfillCounters.TableItems, out var items) ? items : null;
        return new MigrationProgress(Get(BackfillCounters.Scanned), Get(BackfillCounters.Updated), Get(BackfillCounters.Skipped), Get(BackfillCounters.Failed),
            Get(BackfillCounters.PriorScanned), total, rate, segments, at);
    }
}
