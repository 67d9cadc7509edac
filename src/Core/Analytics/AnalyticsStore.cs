using System.Runtime.CompilerServices;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics;

/// <summary>Reads and writes the two analytics tables, by key only: creatorId plus a range of days.</summary>
public sealed class AnalyticsStore(IAmazonDynamoDB dynamoDb, IOptions<PlatformOptions> options)
{
    /// <summary>How many creators (or creator-days) are read at once, so that a view stays well inside the table's capacity.</summary>
    public const int CreatorParallelism = 4;

    private TableNameOptions Tables => options.Value.Tables;

    /// <summary>
    /// A creator's events of a range in timestamp order, page by page (never the whole range in memory), as aggregation
    /// reads them: time, type and product (<see cref="AnalyticsEventMapper.Projection"/>).
    /// </summary>
    public async IAsyncEnumerable<AnalyticsEvent> QueryEventsAsync(string creatorId, DateRange range, [EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = Tables.AnalyticsEvents,
            KeyConditionExpression = "creatorId = :c AND #ts BETWEEN :from AND :to",
            ExpressionAttributeNames = new(AnalyticsEventMapper.ProjectionNames),
            ExpressionAttributeValues = new()
            {
                [":c"] = new() { S = creatorId },
                [":from"] = new() { S = DailySummaryMapper.FormatDate(range.From) },
                // '~' sorts after every character of an ISO-8601 time, so the last day is included whatever its suffix.
                [":to"] = new() { S = DailySummaryMapper.FormatDate(range.To) + "~" },
            },
            ProjectionExpression = AnalyticsEventMapper.Projection,
        };
        await foreach (var page in dynamoDb.Paginators.Query(request).Responses.WithCancellation(ct))
        {
            foreach (var item in page.Items ?? []) yield return AnalyticsEventMapper.FromProjected(creatorId, item);
        }
    }

    public async Task<IReadOnlyList<DailySummary>> QuerySummariesAsync(string creatorId, DateRange range, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = Tables.AnalyticsSummaries,
            KeyConditionExpression = "creatorId = :c AND #d BETWEEN :from AND :to",
            ExpressionAttributeNames = new() { ["#d"] = "date" },
            ExpressionAttributeValues = new()
            {
                [":c"] = new() { S = creatorId },
                [":from"] = new() { S = DailySummaryMapper.FormatDate(range.From) },
                [":to"] = new() { S = DailySummaryMapper.FormatDate(range.To) },
            },
        };
        var summaries = new List<DailySummary>();
        await foreach (var page in dynamoDb.Paginators.Query(request).Responses.WithCancellation(ct))
        {
            summaries.AddRange((page.Items ?? []).Select(DailySummaryMapper.FromItem));
        }
        return summaries;
    }

    public Task PutSummariesAsync(IEnumerable<DailySummary> summaries, CancellationToken ct) =>
        BatchWriter.PutAllAsync(dynamoDb, Tables.AnalyticsSummaries, summaries.Select(DailySummaryMapper.ToItem), ct);

    public Task PutEventsAsync(IEnumerable<Dictionary<string, AttributeValue>> items, CancellationToken ct) =>
        BatchWriter.PutAllAsync(dynamoDb, Tables.AnalyticsEvents, items, ct);

    /// <summary>One creator's day recomputed from its events; null when the day has none.</summary>
    public async Task<DayAggregate?> RecomputeDayAsync(string creatorId, DateOnly day, CancellationToken ct)
    {
        DayAggregate? aggregate = null;
        await foreach (var e in QueryEventsAsync(creatorId, new DateRange(day, day), ct))
            (aggregate ??= new DayAggregate(creatorId, day)).Add(e);
        return aggregate;
    }
}
