using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Analytics;

namespace CreatorPlatform.Benchmarks.Analytics;

/// <summary>
/// The baseline: one creator and one day at a time, sequentially; each day's events read into a list, then
/// aggregated, compared with the stored summary (GetItem) and written with PutItem when different.
/// </summary>
internal sealed class NaiveRebuild(IAmazonDynamoDB dynamoDb, string eventsTable, string summariesTable)
{
    public async Task<long> RunAsync(IReadOnlyList<CreatorRef> creators, DateRange range, CancellationToken ct)
    {
        long events = 0;
        foreach (var creator in creators)
            foreach (var day in range.Each())
            {
                var items = await ReadDayAsync(creator.Id, day, ct);
                if (items.Count == 0) continue;
                events += items.Count;
                var aggregate = new DayAggregate(creator.Id, day);
                foreach (var item in items) aggregate.Add(AnalyticsEventMapper.FromItem(item));
                var summary = aggregate.ToSummary();
                var key = new Dictionary<string, AttributeValue> { ["creatorId"] = new() { S = creator.Id }, ["date"] = new() { S = DailySummaryMapper.FormatDate(day) } };
                var stored = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = summariesTable, Key = key }, ct);
                if (stored.Item is { Count: > 0 } found && DailySummaryMapper.FromItem(found).SameAs(summary)) continue;
                await dynamoDb.PutItemAsync(summariesTable, DailySummaryMapper.ToItem(summary), ct);
            }
        return events;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> ReadDayAsync(string creatorId, DateOnly day, CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = eventsTable,
            KeyConditionExpression = "creatorId = :c AND begins_with(#ts, :day)",
            ExpressionAttributeNames = new() { ["#ts"] = "timestamp" },
            ExpressionAttributeValues = new() { [":c"] = new() { S = creatorId }, [":day"] = new() { S = DailySummaryMapper.FormatDate(day) } },
        };
        var items = new List<Dictionary<string, AttributeValue>>();
        do
        {
            var page = await dynamoDb.QueryAsync(request, ct);
            items.AddRange(page.Items ?? []);
            request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (request.ExclusiveStartKey is not null);
        return items;
    }
}
