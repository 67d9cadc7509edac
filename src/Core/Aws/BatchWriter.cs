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
                if (attempt > 0) await AwsRetry.UnprocessedBackoffAsync(attempt, pending.Values.Sum(v => v.Count), "items", ct);
                var response = await dynamoDb.BatchWriteItemAsync(new BatchWriteItemRequest { RequestItems = pending }, ct);
                pending = response.UnprocessedItems is { Count: > 0 } left ? left : [];
            }
        }
    }
}
