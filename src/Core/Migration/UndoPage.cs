using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
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
        var keys = ids.Select(id => new Dictionary<string, AttributeValue> { ["id"] = new() { S = id } });
        try
        {
            var items = await BatchReader.GetAllAsync(dynamoDb, schema.Products.Name, keys, null, ct, consistentRead: true);
            return items.Where(i => i.GetValueOrDefault("id")?.S is not null).ToDictionary(i => i["id"].S!);
        }
        catch (UnprocessedItemsException e)
        {
            throw new JobFailedException($"{e.Message} Run undo again: it resumes from this page.");
        }
    }
}
