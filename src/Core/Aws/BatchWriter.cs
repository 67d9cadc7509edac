using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Aws;

/// <summary>BatchWriteItem in chunks of 25, resending what DynamoDB leaves unprocessed with backoff.</summary>
public static class BatchWriter
{
    public static async Task PutAllAsync(IAmazonDynamoDB dynamoDb, string table, IEnumerable<Dictionary<string, AttributeValue>> items, CancellationToken ct)
    {
        foreach (var chunk in items.Chunk(25))
        {
            var pending = new Dictionary<string, List<WriteRequest>>
            {
                [table] = chunk.Select(item => new WriteRequest(new PutRequest(item))).ToList(),
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 * (1 << Math.Min(attempt, 6)))), ct);
                var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, ct);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }
    }
}
