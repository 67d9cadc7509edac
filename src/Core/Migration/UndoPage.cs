using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Migration;

/// <summary>What undo found and did on one journal page.</summary>
public sealed record UndoPageTally(long Products, long Undone, long AlreadyUndone, IReadOnlyList<string> Edited, IReadOnlyList<ProductFailure> Failures,
    IReadOnlyList<ProductDiff> Samples, IReadOnlyList<string> ToUndo);

/// <summary>
/// One journal page of an undo: reads its products (BatchGetItem, consistent), and writes back only those exactly as the
/// run left them, each write conditioned on that still holding; a product that fails the condition is read again and
/// counted already undone or edited since. A product in its before-state costs a read and no write.
/// </summary>
public sealed class UndoPage(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    private const int WritesInFlight = 16;
    private const int BatchGetLimit = 100;

    /// <param name="newer">Products met in newer journal pages: their newest entry decides (a product edited during the run was journaled again).</param>
    public async Task<UndoPageTally> UndoAsync(JobContext job, JournalPage page, bool dryRun, int samplesWanted, ISet<string> newer, CancellationToken ct)
    {
        var entries = page.Entries.Where(e => !newer.Contains(e.Id)).ToList();
        page = page with { Entries = entries };
        var items = await ReadAsync(page.Entries.Select(e => e.Id).Distinct().ToList(), ct);
        long undone = 0, already = 0;
        var edited = new ConcurrentQueue<string>();
        var failures = new ConcurrentQueue<ProductFailure>();
        var samples = new List<ProductDiff>();
        var toWrite = new List<JournalEntry>();
        foreach (var entry in page.Entries)
        {
            job.Add("products");
            var item = items.GetValueOrDefault(entry.Id);
            switch (ProductRestore.Classify(item, entry, page))
            {
                case RestoreState.AsRunLeft:
                    toWrite.Add(entry);
                    if (samples.Count < samplesWanted) samples.Add(ProductRestore.Diff(item!, entry));
                    break;
                case RestoreState.AlreadyUndone: already++; job.Add("alreadyUndone"); break;
                default: edited.Enqueue(entry.Id); job.Add("editedSince"); break;
            }
        }
        if (dryRun)
        {
            job.Add("toUndo", toWrite.Count);
            return new(page.Entries.Count, toWrite.Count, already, edited.ToList(), [], samples, toWrite.Select(e => e.Id).ToList());
        }
        await Parallel.ForEachAsync(toWrite, new ParallelOptions { MaxDegreeOfParallelism = WritesInFlight, CancellationToken = ct }, async (entry, _) =>
        {
            switch (await WriteAsync(entry, page))
            {
                case RestoreState.AsRunLeft: Interlocked.Increment(ref undone); job.Add("undone"); break;
                case RestoreState.AlreadyUndone: Interlocked.Increment(ref already); job.Add("alreadyUndone"); break;
                case RestoreState.EditedSince: edited.Enqueue(entry.Id); job.Add("editedSince"); break;
                default: failures.Enqueue(new ProductFailure(entry.Id, "not written")); break;
            }
        });
        return new(page.Entries.Count, undone, already, edited.ToList(), failures.ToList(), samples, []);
    }

    /// <summary>AsRunLeft when written back; otherwise the state a fresh read finds. A write once sent is seen to its end, even on cancel.</summary>
    private async Task<RestoreState?> WriteAsync(JournalEntry entry, JournalPage page)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(ProductRestore.Request(schema.Products.Name, entry, page), CancellationToken.None);
            return RestoreState.AsRunLeft;
        }
        catch (ConditionalCheckFailedException)
        {
            var item = (await dynamoDb.GetItemAsync(new GetItemRequest
            {
                TableName = schema.Products.Name, Key = new() { ["id"] = new AttributeValue { S = entry.Id } }, ConsistentRead = true,
            }, CancellationToken.None)).Item;
            return ProductRestore.Classify(item, entry, page) == RestoreState.AlreadyUndone ? RestoreState.AlreadyUndone : RestoreState.EditedSince;
        }
        catch (AmazonDynamoDBException)
        {
            return null; // after the client's own bounded retry: the page is not checkpointed, and the next undo tries it again
        }
    }

    private async Task<Dictionary<string, Dictionary<string, AttributeValue>>> ReadAsync(List<string> ids, CancellationToken ct)
    {
        var found = new Dictionary<string, Dictionary<string, AttributeValue>>();
        foreach (var chunk in ids.Chunk(BatchGetLimit))
        {
            var keys = chunk.Select(id => new Dictionary<string, AttributeValue> { ["id"] = new() { S = id } }).ToList();
            for (var attempt = 0; keys.Count > 0; attempt++)
            {
                if (attempt > 0) await Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 6))), ct);
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest
                {
                    RequestItems = new() { [schema.Products.Name] = new KeysAndAttributes { Keys = keys, ConsistentRead = true } },
                }, ct);
                foreach (var item in response.Responses?.GetValueOrDefault(schema.Products.Name) ?? [])
                    if (item.GetValueOrDefault("id")?.S is { } id) found[id] = item;
                keys = response.UnprocessedKeys?.GetValueOrDefault(schema.Products.Name)?.Keys ?? [];
                if (attempt > 20 && keys.Count > 0) throw new JobFailedException($"{keys.Count} products could not be read (throttled); run undo again: it resumes.");
            }
        }
        return found;
    }
}
