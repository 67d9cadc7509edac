using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics;

/// <summary>A creator's newest event, newest summary day, and recent event times: each a Query on the table's key, never a Scan.</summary>
public sealed class AnalyticsProbes(IAmazonDynamoDB dynamoDb, IOptions<PlatformOptions> options)
{
    private TableNameOptions Tables => options.Value.Tables;

    /// <summary>The newest event's timestamp: the events' sort key read backwards, one item.</summary>
    public async Task<string?> NewestEventAsync(string creatorId, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = Tables.AnalyticsEvents, KeyConditionExpression = "creatorId = :c", ScanIndexForward = false, Limit = 1,
            ProjectionExpression = "#ts", ExpressionAttributeNames = new() { ["#ts"] = "timestamp" },
            ExpressionAttributeValues = new() { [":c"] = new() { S = creatorId } },
        }, ct);
        return response.Items is { Count: > 0 } items && items[0].TryGetValue("timestamp", out var ts) ? ts.S : null;
    }

    public async Task<DateOnly?> NewestSummaryAsync(string creatorId, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = Tables.AnalyticsSummaries, KeyConditionExpression = "creatorId = :c", ScanIndexForward = false, Limit = 1,
            ProjectionExpression = "#d", ExpressionAttributeNames = new() { ["#d"] = "date" },
            ExpressionAttributeValues = new() { [":c"] = new() { S = creatorId } },
        }, ct);
        return response.Items is { Count: > 0 } items && items[0].TryGetValue("date", out var d) && DateRange.TryParseDay(d.S, out var day) ? day : null;
    }

    /// <summary>The type and time of each event since <paramref name="since"/>, page by page, two attributes each.</summary>
    public async IAsyncEnumerable<(DateTimeOffset At, string Type)> EventsSinceAsync(string creatorId, DateTimeOffset since,
        [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = Tables.AnalyticsEvents, KeyConditionExpression = "creatorId = :c AND #ts >= :since",
            ProjectionExpression = "#ts, eventType", ExpressionAttributeNames = new() { ["#ts"] = "timestamp" },
            ExpressionAttributeValues = new() { [":c"] = new() { S = creatorId }, [":since"] = new() { S = AnalyticsEvent.FormatTimestamp(since) } },
        };
        await foreach (var page in dynamoDb.Paginators.Query(request).Responses.WithCancellation(ct))
        {
            foreach (var item in page.Items ?? [])
                if (item.TryGetValue("timestamp", out var ts) && DateTimeOffset.TryParse(ts.S, System.Globalization.CultureInfo.InvariantCulture,
                        System.Globalization.DateTimeStyles.AssumeUniversal, out var at))
                    yield return (at, item.TryGetValue("eventType", out var t) ? t.S ?? "" : "");
        }
    }
}
