using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace Benchmarks.Migration;

/// <summary>
/// The guide's `npm run migrate` backfill as the original script does it: one sequential Scan, and for each product
/// without a creatorId one unconditional UpdateItem, awaited before the next. Stops after <c>budget</c> so that the
/// slow runs stay bounded; its rate is the same over any stretch of the table.
/// </summary>
public static class OriginalScript
{
    public static async Task<(long Items, TimeSpan Elapsed, bool Complete)> RunAsync(IAmazonDynamoDB dynamoDb, string table, string creatorId, TimeSpan budget)
    {
        var clock = Stopwatch.StartNew();
        long items = 0;
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            foreach (var product in page.Items ?? [])
            {
                items++;
                if (!product.ContainsKey("creatorId")) await UpdateAsync(dynamoDb, table, product["id"].S, creatorId);
                if (clock.Elapsed >= budget) return (items, clock.Elapsed, false);
            }
            start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
        } while (start is not null);
        return (items, clock.Elapsed, true);
    }

    public static Task UpdateAsync(IAmazonDynamoDB dynamoDb, string table, string id, string creatorId) => dynamoDb.UpdateItemAsync(Request(table, id, creatorId));

    public static UpdateItemRequest Request(string table, string id, string creatorId) => new()
    {
        TableName = table,
        Key = new() { ["id"] = new AttributeValue { S = id } },
        UpdateExpression = "SET creatorId = :creatorId, featured = :featured, #status = :status, updatedAt = :now",
        ExpressionAttributeNames = new() { ["#status"] = "status" },
        ExpressionAttributeValues = new()
        {
            [":creatorId"] = new AttributeValue { S = creatorId }, [":featured"] = new AttributeValue { BOOL = false },
            [":status"] = new AttributeValue { S = "approved" }, [":now"] = new AttributeValue { S = DateTime.UtcNow.ToString("o") },
        },
    };
}
