using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// BatchGetItem in chunks of 100 keys, resending what DynamoDB leaves unprocessed with backoff, within the retry
/// policy's bound (<see cref="AwsRetry.UnprocessedBackoffAsync"/>). Keys that name no item are simply absent from the answer.
/// Every BatchGetItem of the console goes through here, so that one bound and one backoff hold for all of them.
/// </summary>
public static class BatchReader
{
    public const int MaxKeysPerCall = 100;

    public static async Task<List<Dictionary<string, AttributeValue>>> GetAllAsync(IAmazonDynamoDB dynamoDb, string table,
        IEnumerable<Dictionary<string, AttributeValue>> keys, string? projection, CancellationToken ct, bool consistentRead = false)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        foreach (var chunk in keys.Chunk(MaxKeysPerCall))
        {
            var pending = new Dictionary<string, KeysAndAttributes> { [table] = new() { Keys = [.. chunk], ProjectionExpression = projection, ConsistentRead = consistentRead } };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0) await AwsRetry.UnprocessedBackoffAsync(attempt, pending.Values.Sum(v => v.Keys?.Count ?? 0), "keys", ct);
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, ct);
                items.AddRange(response.Responses?.GetValueOrDefault(table) ?? []);
                pending = response.UnprocessedKeys is { Count: > 0 } left ? left : [];
            }
        }
        return items;
    }
}
