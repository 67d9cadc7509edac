using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudWatch;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Monitoring;

/// <summary>
/// The guide's Monitoring section for DynamoDB: consumed capacity and throttling per table and index, and for an
/// index being built its progress and throttle events, in one GetMetricData call.
/// </summary>
public sealed class TableMetricsService(ICloudWatchClient cloudWatch, JobUsageService jobs, Troubleshooter troubleshooter, AwsContext aws,
    IOptions<PlatformOptions> options, TimeProvider time)
{
    public const string ConsumedRead = "ConsumedReadCapacityUnits", ConsumedWrite = "ConsumedWriteCapacityUnits", Throttled = "ThrottledRequests";
    public const string IndexProgress = "OnlineIndexPercentageProgress", IndexThrottles = "OnlineIndexThrottleEvents";
    public const string SandboxNote = "CloudWatch is not available in the sandbox: these are the jobs' own figures.";
    private const int PeriodSeconds = 300;

    public async Task<MonitoringSnapshot> ReadAsync(IReadOnlyList<TableStatus> tables, CancellationToken ct)
    {
        var usage = await jobs.ListAsync(ct);
        if (CloudWatchClient.Endpoint(aws) is null) return new([], SandboxNote, null, usage, time.GetUtcNow());
        var queries = Queries(tables).ToList();
        try
        {
            var results = await FetchAsync(queries.Select(q => q.Query).ToList(), ct);
            var metrics = queries.GroupBy(q => (q.Table, q.Index))
                .Select(g => new TableMetrics(g.Key.Table, g.Key.Index, g.Select(q => Series(q, results)).ToList()))
                .ToList();
            return new(metrics, null, null, usage, time.GetUtcNow());
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            var trouble = troubleshooter.Explain(e, "cloudwatch:GetMetricData", "*");
            return new([], trouble.Explanation, trouble, usage, time.GetUtcNow());
        }
    }

    private async Task<Dictionary<string, MetricDataResult>> FetchAsync(List<MetricDataQuery> queries, CancellationToken ct)
    {
        var end = time.GetUtcNow().UtcDateTime;
        var results = new Dictionary<string, MetricDataResult>();
        foreach (var chunk in queries.Chunk(500))
        {
            string? next = null;
            do
            {
                var response = await cloudWatch.GetMetricDataAsync(new()
                {
                    MetricDataQueries = chunk.ToList(), StartTime = end.AddHours(-options.Value.Verification.MetricHours), EndTime = end,
                    ScanBy = "TimestampAscending", NextToken = next,
                }, ct);
                foreach (var r in response.MetricDataResults ?? [])
                {
                    if (r.Id is null) continue;
                    results[r.Id] = results.TryGetValue(r.Id, out var before)
                        ? before with { Timestamps = [.. before.Timestamps ?? [], .. r.Timestamps ?? []], Values = [.. before.Values ?? [], .. r.Values ?? []] }
                        : r;
                }
                next = response.NextToken;
            } while (next is not null);
        }
        return results;
    }

    private static MetricSeries Series(Planned q, Dictionary<string, MetricDataResult> results)
    {
        var r = results.GetValueOrDefault(q.Query.Id!);
        var points = (r?.Timestamps ?? []).Zip(r?.Values ?? []).Select(p => new MetricPoint(p.First, p.Second)).OrderBy(p => p.At).ToList();
        return new MetricSeries(q.Name, q.Name == IndexProgress ? "%" : q.Name.StartsWith("Consumed", StringComparison.Ordinal) ? "units" : "events", points);
    }

    private static IEnumerable<Planned> Queries(IReadOnlyList<TableStatus> tables)
    {
        var n = 0;
        Planned Stat(string table, string? index, string metric, string stat)
        {
            List<Dimension> dimensions = [new("TableName", table)];
            if (index is not null) dimensions.Add(new("GlobalSecondaryIndexName", index));
            return new(table, index, metric, new MetricDataQuery
            {
                Id = $"m{n++}", MetricStat = new(new("AWS/DynamoDB", metric, dimensions), PeriodSeconds, stat), ReturnData = true,
            });
        }
        foreach (var t in tables.Where(t => t.Exists))
        {
            yield return Stat(t.Spec.Name, null, ConsumedRead, "Sum");
            yield return Stat(t.Spec.Name, null, ConsumedWrite, "Sum");
            // ThrottledRequests is published per operation: sum them all for the table.
            yield return new(t.Spec.Name, null, Throttled, new MetricDataQuery
            {
                Id = $"m{n++}", ReturnData = true, Label = Throttled,
                Expression = $"SUM(SEARCH('{{AWS/DynamoDB,Operation,TableName}} MetricName=\"{Throttled}\" TableName=\"{t.Spec.Name}\"', 'Sum', {PeriodSeconds}))",
            });
            foreach (var i in t.Indexes.Where(i => i.Exists))
            {
                yield return Stat(t.Spec.Name, i.Name, ConsumedRead, "Sum");
                yield return Stat(t.Spec.Name, i.Name, ConsumedWrite, "Sum");
                yield return Stat(t.Spec.Name, i.Name, "WriteThrottleEvents", "Sum") with { Name = Throttled };
                if (i.Status != "CREATING" && !i.Backfilling) continue;
                yield return Stat(t.Spec.Name, i.Name, IndexProgress, "Maximum");
                yield return Stat(t.Spec.Name, i.Name, IndexThrottles, "Sum");
            }
        }
    }

    private sealed record Planned(string Table, string? Index, string Name, MetricDataQuery Query);
}
