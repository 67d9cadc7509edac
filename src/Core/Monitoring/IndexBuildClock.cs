using System.Collections.Concurrent;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;

namespace CreatorPlatform.Core.Monitoring;

public sealed record IndexTrouble(string Table, string Index, Trouble Trouble);

/// <summary>
/// When each index started building, as far as this console can tell: DescribeTable gives no start time, so it is the
/// earlier of when the console first saw it building and CloudWatch's first progress point.
/// </summary>
public sealed class IndexBuildClock(Troubleshooter troubleshooter, TimeProvider time)
{
    private readonly ConcurrentDictionary<(string, string), DateTimeOffset> firstSeen = new();

    public IReadOnlyList<IndexTrouble> Observe(IReadOnlyList<TableStatus> tables, MonitoringSnapshot? snapshot)
    {
        var now = time.GetUtcNow();
        var troubles = new List<IndexTrouble>();
        foreach (var table in tables)
        foreach (var index in table.Indexes.Where(i => i.Exists))
        {
            var key = (table.Spec.Name, index.Name);
            if (index.Status != "CREATING" && !index.Backfilling)
            {
                firstSeen.TryRemove(key, out _);
                continue;
            }
            var seen = firstSeen.GetOrAdd(key, now);
            var metrics = snapshot?.For(table.Spec.Name, index.Name);
            var progress = metrics?[TableMetricsService.IndexProgress];
            var since = progress?.Points.Count > 0 && new DateTimeOffset(progress.Points[0].At, TimeSpan.Zero) < seen
                ? new DateTimeOffset(progress.Points[0].At, TimeSpan.Zero) : seen;
            var throttles = metrics?[TableMetricsService.IndexThrottles]?.Total;
            if (troubleshooter.IndexStuck(table.Spec.Name, index.Name, since, now, throttles, progress?.Latest) is { } trouble)
                troubles.Add(new(table.Spec.Name, index.Name, trouble));
        }
        return troubles;
    }
}
