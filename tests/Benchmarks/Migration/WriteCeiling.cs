using System.Diagnostics;
using Amazon.DynamoDBv2;

namespace Benchmarks.Migration;

/// <summary>The emulator's ceiling for the backfill's write: unconditional UpdateItems of known ids, no scan, a fixed number in flight.</summary>
public static class WriteCeiling
{
    public static async Task<double> FloodAsync(IAmazonDynamoDB dynamoDb, string table, IReadOnlyList<string> ids, int concurrency,
        Func<string, Amazon.DynamoDBv2.Model.UpdateItemRequest>? request = null)
    {
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            for (var i = Interlocked.Increment(ref next); i < ids.Count; i = Interlocked.Increment(ref next))
                if (request is null) await OriginalScript.UpdateAsync(dynamoDb, table, ids[i], "ceiling");
                else await dynamoDb.UpdateItemAsync(request(ids[i]));
        }));
        return ids.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// The ceiling for the transactional write mode: TransactWriteItems of <paramref name="perTransaction"/> unconditional
    /// updates of known ids, a fixed number in flight. The job in Transaction mode is measured against this one.
    /// </summary>
    public static async Task<double> FloodTransactionsAsync(IAmazonDynamoDB dynamoDb, string table, IReadOnlyList<string> ids, int concurrency, int perTransaction)
    {
        var chunks = ids.Chunk(perTransaction).ToList();
        var next = -1;
        var clock = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
        {
            await Task.Yield();
            for (var i = Interlocked.Increment(ref next); i < chunks.Count; i = Interlocked.Increment(ref next))
                await dynamoDb.TransactWriteItemsAsync(new Amazon.DynamoDBv2.Model.TransactWriteItemsRequest
                {
                    TransactItems = chunks[i].Select(id =>
                    {
                        var u = OriginalScript.Request(table, id, "ceiling");
                        return new Amazon.DynamoDBv2.Model.TransactWriteItem
                        {
                            Update = new Amazon.DynamoDBv2.Model.Update
                            {
                                TableName = table, Key = u.Key, UpdateExpression = u.UpdateExpression,
                                ExpressionAttributeNames = u.ExpressionAttributeNames, ExpressionAttributeValues = u.ExpressionAttributeValues,
                            },
                        };
                    }).ToList(),
                });
        }));
        return ids.Count / clock.Elapsed.TotalSeconds;
    }

    /// <summary>Tries each concurrency on its own slice of the ids and returns the fastest.</summary>
    public static async Task<(int Concurrency, double Rate)> BestAsync(IAmazonDynamoDB dynamoDb, string table, IReadOnlyList<string> ids, int[] candidates, int slice)
    {
        var best = (Concurrency: 1, Rate: 0.0);
        for (var n = 0; n < candidates.Length; n++)
        {
            var c = candidates[n];
            var rate = await FloodAsync(dynamoDb, table, ids.Skip(n * slice).Take(slice).ToList(), c);
            Console.WriteLine($"    ceiling probe: concurrency {c,4}: {rate,8:N0} items/s");
            if (rate > best.Rate) best = (c, rate);
        }
        return best;
    }
}
