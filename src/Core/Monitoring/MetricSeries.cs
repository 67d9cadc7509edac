namespace CreatorPlatform.Core.Monitoring;

public sealed record MetricPoint(DateTime At, double Value);

/// <summary>One CloudWatch metric over the last hours, oldest point first.</summary>
public sealed record MetricSeries(string Name, string Unit, IReadOnlyList<MetricPoint> Points)
{
    public double Total => Points.Sum(p => p.Value);
    public double? Latest => Points.Count == 0 ? null : Points[^1].Value;
}

/// <summary>The metrics of one table (<see cref="Index"/> null) or one of its indexes.</summary>
public sealed record TableMetrics(string Table, string? Index, IReadOnlyList<MetricSeries> Series)
{
    public MetricSeries? this[string name] => Series.FirstOrDefault(s => s.Name == name);
}

/// <summary>
/// What the Tables page shows beside each table: CloudWatch's figures when it can be read, otherwise why not; and
/// always the jobs' own counts.
/// </summary>
public sealed record MonitoringSnapshot(IReadOnlyList<TableMetrics> Metrics, string? CloudWatchUnavailable, Troubleshooting.Trouble? Trouble,
    IReadOnlyList<JobUsage> Jobs, DateTimeOffset ReadAt)
{
    public TableMetrics? For(string table, string? index = null) => Metrics.FirstOrDefault(m => m.Table == table && m.Index == index);
}
