using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Analytics.AnalyticsOpsKeys;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

public enum RebuildTrigger { Manual, Scheduled, SinceLast }

/// <summary>A rebuild that completed: what it covered, who ran it, how many days it rewrote and journalled.</summary>
public sealed record RebuildRunRecord(string RunId, RebuildTrigger Trigger, DateRange Range, string? CreatorSlug, string StartedBy,
    DateTimeOffset StartedAt, DateTimeOffset EndedAt, long DaysRewritten, long Events)
{
    public DateTimeOffset? RestoredAt { get; init; }
    public string? RestoredBy { get; init; }
    public bool CanRestore => DaysRewritten > 0 && RestoredAt is null;
}

/// <summary>
/// The completed rebuild runs (manual, scheduled, --since-last), newest first, in one partition of the ops table ordered by
/// end time: the Analytics page's history, where <c>--since-last</c> starts, and which run "restore previous" undoes.
/// </summary>
public sealed class RebuildRunLog(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    public const int HistoryLimit = 20;

    public Task SaveAsync(RebuildRunRecord run, CancellationToken ct) =>
        dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = ToItem(run) }, ct);

    public async Task<IReadOnlyList<RebuildRunRecord>> RecentAsync(int limit, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk", ScanIndexForward = false, Limit = limit,
            ExpressionAttributeValues = new() { [":pk"] = S(RunsPk) },
        }, ct);
        return (response.Items ?? []).Select(FromItem).ToList();
    }

    /// <summary>The newest completed run of the whole platform (a one-creator run does not count), or null.</summary>
    public async Task<RebuildRunRecord?> LastCompletedAsync(CancellationToken ct) =>
        (await RecentAsync(HistoryLimit, ct)).FirstOrDefault(r => r.CreatorSlug is null);

    public Task MarkRestoredAsync(RebuildRunRecord run, string by, DateTimeOffset at, CancellationToken ct) =>
        SaveAsync(run with { RestoredAt = at, RestoredBy = by }, ct);

    private static string Sk(RebuildRunRecord run) => $"{run.EndedAt.UtcDateTime:o}#{run.RunId}";

    private static Dictionary<string, AttributeValue> ToItem(RebuildRunRecord r)
    {
        var item = Key(RunsPk, Sk(r));
        item["runId"] = S(r.RunId);
        item["trigger"] = S(r.Trigger.ToString());
        item["from"] = S(DailySummaryMapper.FormatDate(r.Range.From));
        item["to"] = S(DailySummaryMapper.FormatDate(r.Range.To));
        if (r.CreatorSlug is not null) item["creator"] = S(r.CreatorSlug);
        item["startedBy"] = S(r.StartedBy);
        item["startedAt"] = S(r.StartedAt.UtcDateTime.ToString("o"));
        item["endedAt"] = S(r.EndedAt.UtcDateTime.ToString("o"));
        item["daysRewritten"] = N(r.DaysRewritten);
        item["events"] = N(r.Events);
        if (r.RestoredAt is { } at) item["restoredAt"] = S(at.UtcDateTime.ToString("o"));
        if (r.RestoredBy is not null) item["restoredBy"] = S(r.RestoredBy);
        // The journal it points to lives 35 days; the record a little longer, so history never names a journal it lost silently.
        item["expiresAt"] = N(r.EndedAt.Add(SummaryJournal.Retention).AddDays(30).ToUnixTimeSeconds());
        return item;
    }

    private static RebuildRunRecord FromItem(Dictionary<string, AttributeValue> i) => new(
        Str(i, "runId") ?? "", Enum.TryParse<RebuildTrigger>(Str(i, "trigger"), out var t) ? t : RebuildTrigger.Manual,
        new DateRange(Day(Str(i, "from")), Day(Str(i, "to"))), Str(i, "creator"), Str(i, "startedBy") ?? "",
        Time(Str(i, "startedAt")) ?? default, Time(Str(i, "endedAt")) ?? default, Long(i, "daysRewritten"), Long(i, "events"))
    {
        RestoredAt = Time(Str(i, "restoredAt")),
        RestoredBy = Str(i, "restoredBy"),
    };

    private static DateOnly Day(string? s) => DateRange.TryParseDay(s, out var d) ? d : DateRange.Earliest;
    private static DateTimeOffset? Time(string? s) =>
        DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var t) ? t : null;
}
