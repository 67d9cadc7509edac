namespace CreatorPlatform.Core.Aws.CloudWatch;

// Shapes named and spelled like AWSSDK.CloudWatch's (v4: collections may be null).

public sealed record GetMetricDataRequest
{
    public List<MetricDataQuery>? MetricDataQueries { get; init; }
    public DateTime StartTime { get; init; }
    public DateTime EndTime { get; init; }
    public string? ScanBy { get; init; }
    public string? NextToken { get; init; }
}

public sealed record MetricDataQuery
{
    public string? Id { get; init; }
    public MetricStat? MetricStat { get; init; }
    public string? Expression { get; init; }
    public string? Label { get; init; }
    public bool? ReturnData { get; init; }
}

public sealed record MetricStat(Metric Metric, int Period, string Stat);

public sealed record Metric(string Namespace, string MetricName, List<Dimension>? Dimensions);

public sealed record Dimension(string Name, string Value);

public sealed record GetMetricDataResponse(List<MetricDataResult>? MetricDataResults, string? NextToken);

public sealed record MetricDataResult
{
    public string? Id { get; init; }
    public string? Label { get; init; }
    public string? StatusCode { get; init; }
    public List<DateTime>? Timestamps { get; init; }
    public List<double>? Values { get; init; }
}
