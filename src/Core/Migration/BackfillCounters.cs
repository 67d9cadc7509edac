namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The counters a backfill keeps, on its job (live progress, stored as it goes in its history record) and in its checkpoints: one name
/// each, as stored. A segment's own counters are <see cref="OfSegment"/>.
/// </summary>
public static class BackfillCounters
{
    public const string Scanned = "scanned";
    public const string Updated = "updated";
    public const string Skipped = "skipped";
    public const string Failed = "failed";
    /// <summary>How many segments the run's scan has (a gauge, set once).</summary>
    public const string Segments = "segments";
    /// <summary>Throttled write requests that were retried.</summary>
    public const string Throttles = "throttles";
    /// <summary>The products table's item count when the run started (absent when it could not be read): what progress is measured against.</summary>
    public const string TableItems = "table items";
    /// <summary>What earlier runs of the same backfill had scanned when this run started (0 for a new backfill).</summary>
    public const string PriorScanned = "prior scanned";

    /// <summary>One segment's count of <paramref name="counter"/>, e.g. "segment 3 scanned".</summary>
    public static string OfSegment(int segment, string counter) => $"segment {segment} {counter}";
}
