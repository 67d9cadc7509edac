using System.Globalization;
using System.Xml.Linq;

namespace CreatorPlatform.Core.Aws.CloudWatch;

/// <summary>CloudWatch over the query protocol; no endpoint in the sandbox, where CloudWatch does not exist.</summary>
public sealed class CloudWatchClient(HttpClient http, AwsContext aws) : ICloudWatchClient
{
    public const string SigningName = "monitoring";
    /// <summary>The SDK's service id for CloudWatch: AWS_ENDPOINT_URL_CLOUDWATCH.</summary>
    public const string EndpointId = "CLOUDWATCH";
    public const string ApiVersion = "2010-08-01";
    /// <summary>IAM names CloudWatch's actions cloudwatch:*, though it signs as monitoring.</summary>
    public const string IamPrefix = "cloudwatch";

    private readonly AwsQueryClient query = new(http, ApiVersion, IamPrefix, aws.Options.Profile,
        "CloudWatch is not available here: the sandbox has no CloudWatch.");

    public static Uri? Endpoint(AwsContext aws) =>
        aws.EndpointOverride(EndpointId) ?? (aws.IsSandbox ? null : new Uri($"https://monitoring.{aws.Region.SystemName}.amazonaws.com/"));

    public Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken ct = default) =>
        query.SendAsync("GetMetricData", Parameters(request), Read, ct);

    private static IEnumerable<(string, string?)> Parameters(GetMetricDataRequest r)
    {
        yield return ("StartTime", Time(r.StartTime));
        yield return ("EndTime", Time(r.EndTime));
        yield return ("ScanBy", r.ScanBy);
        yield return ("NextToken", r.NextToken);
        foreach (var (q, i) in (r.MetricDataQueries ?? []).Select((q, i) => (q, i + 1)))
        {
            var p = $"MetricDataQueries.member.{i}";
            yield return ($"{p}.Id", q.Id);
            yield return ($"{p}.Expression", q.Expression);
            yield return ($"{p}.Label", q.Label);
            yield return ($"{p}.ReturnData", q.ReturnData is { } b ? (b ? "true" : "false") : null);
            if (q.MetricStat is not { } stat) continue;
            yield return ($"{p}.MetricStat.Metric.Namespace", stat.Metric.Namespace);
            yield return ($"{p}.MetricStat.Metric.MetricName", stat.Metric.MetricName);
            foreach (var (d, j) in (stat.Metric.Dimensions ?? []).Select((d, j) => (d, j + 1)))
            {
                yield return ($"{p}.MetricStat.Metric.Dimensions.member.{j}.Name", d.Name);
                yield return ($"{p}.MetricStat.Metric.Dimensions.member.{j}.Value", d.Value);
            }
            yield return ($"{p}.MetricStat.Period", stat.Period.ToString(CultureInfo.InvariantCulture));
            yield return ($"{p}.MetricStat.Stat", stat.Stat);
        }
    }

    private static GetMetricDataResponse Read(XElement root)
    {
        var result = Child(root, "GetMetricDataResult");
        return new(Members(Child(result, "MetricDataResults")).Select(m => new MetricDataResult
        {
            Id = Child(m, "Id")?.Value,
            Label = Child(m, "Label")?.Value,
            StatusCode = Child(m, "StatusCode")?.Value,
            Timestamps = Members(Child(m, "Timestamps")).Select(t => DateTime.Parse(t.Value, CultureInfo.InvariantCulture,
                DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)).ToList(),
            Values = Members(Child(m, "Values")).Select(v => double.Parse(v.Value, CultureInfo.InvariantCulture)).ToList(),
        }).ToList(), Child(result, "NextToken")?.Value is { Length: > 0 } next ? next : null);
    }

    private static string Time(DateTime t) => t.ToUniversalTime().ToString("yyyy-MM-ddTHH:mm:ssZ", CultureInfo.InvariantCulture);
    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);
    private static IEnumerable<XElement> Members(XElement? list) => list?.Elements().Where(e => e.Name.LocalName == "member") ?? [];
}
