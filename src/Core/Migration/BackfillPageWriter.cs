using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The backfill's writes for one scanned page: its before-states journaled first (write-ahead, for undo), then each
/// product lacking an attribute written through the run's adaptive gate, one conditional UpdateItem each or up to
/// TransactionItems of them in one TransactWriteItems (<see cref="BackfillWriteModes"/>), every outcome counted.
/// </summary>
public sealed class BackfillPageWriter(IAmazonDynamoDB dynamoDb, PlatformSchema schema, BackfillCheckpoints checkpoints,
    IOptions<PlatformOptions> options, TimeProvider time, TransactionalBackfillWriter transactions, MigrationJournal journal, EditedProductWriter edits,
    ILogger<BackfillPageWriter> logger)
{
    /// <summary>
    /// Rounds of a throttled write, each one the SDK's bounded retry: between rounds the adaptive gate lowers the
    /// concurrency, which is the pacing the SDK cannot do. A product still throttled after them is counted failed.
    /// </summary>
    private const int MaxAttempts = 3;
    private MigrationOptions Settings => options.Value.Migration;

    /// <param name="fence">Fires when this worker may no longer write (its lease or claim is lost): writes in flight are abandoned, uncounted.</param>
    public async Task<PageTally> WriteAsync(BackfillRun run, int segment, List<Dictionary<string, AttributeValue>> items, CancellationToken ct,
        CancellationToken fence = default)
    {
        var tally = new PageTally();
        var writes = new List<Task>();
        var now = CreatorMapper.Time(time.GetUtcNow());
        var chunk = BackfillWriteModes.Effective(options.Value) == BackfillWriteMode.Transaction ? new List<string>(Settings.TransactionItems) : null;
        // Write-ahead: the journal holds the page's before-states before any of its writes, so undo sees a crash's writes too.
        var entries = items.Select(ProductRestore.Entry).OfType<JournalEntry>().ToList();
        var scanned = entries.ToDictionary(e => e.Id, e => new Scanned(e.UpdatedAt));
        if (entries.Count > 0) await journal.WritePageAsync(run.Plan.Id, now, run.CreatorId, entries, ct);
        // The page has been read: its products count as scanned at once (one count per page, not one per product).
        run.Count(segment, BackfillCounters.Scanned, items.Count);
        try
        {
            foreach (var item in items)
            {
                if (ProductUpdate.Missing(item) == MissingAttributes.None || item.GetValueOrDefault("id")?.S is not { } id)
                {
                    Count(run, segment, tally, BackfillCounters.Skipped);
                    continue;
                }
                if (run.RateLimiter is not null) using (await run.RateLimiter.AcquireAsync(1, ct)) { }
                if (chunk is not null)
                {
                    chunk.Add(id);
                    if (chunk.Count < Settings.TransactionItems) continue;
                    await run.Gate.EnterAsync(ct);
                    writes.Add(WriteChunkAsync(run, segment, [.. chunk], now, scanned, tally, fence));
                    chunk.Clear();
                    continue;
                }
                await run.Gate.EnterAsync(ct);
                writes.Add(WriteOneAsync(run, segment, id, now, scanned[id], tally, fence));
            }
            if (chunk is { Count: > 0 })
            {
                await run.Gate.EnterAsync(ct);
                writes.Add(WriteChunkAsync(run, segment, [.. chunk], now, scanned, tally, fence));
            }
        }
        finally
        {
            // Writes already sent are seen to the end even on cancel, so that this run's counts are exact.
            await Task.WhenAll(writes);
        }
        return tally;
    }

    private async Task WriteOneAsync(BackfillRun run, int segment, string id, string now, Scanned scanned, PageTally tally, CancellationToken fence)
    {
        await Task.Yield();
        var request = ProductUpdate.Request(schema.Products.Name, id, run.CreatorId, now, scanned);
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                await dynamoDb.UpdateItemAsync(request, fence);
                run.Gate.Exit(throttled: false);
                Count(run, segment, tally, BackfillCounters.Updated);
                return;
            }
            catch (OperationCanceledException) when (fence.IsCancellationRequested)
            {
                // Abandoned at the fence: whether it landed is unknown, and the next worker's conditional write settles it.
                run.Gate.Exit(throttled: false);
                return;
            }
            catch (ConditionalCheckFailedException)
            {
                run.Gate.Exit(throttled: false);
                await edits.RewriteIfEditedAsync(run, segment, id, now, tally, fence);
                return;
            }
            catch (Exception e) when (attempt < MaxAttempts && Throttling.IsRetryable(e))
            {
                run.Gate.Exit(throttled: true);
                var delay = TimeSpan.FromMilliseconds(Random.Shared.Next(50, 100 << Math.Min(attempt, 6)));
                RetryLog.Round(logger, $"The write of product {id}", e, attempt + 1, MaxAttempts, delay);
                try { await Task.Delay(delay, time, fence); }
                catch (OperationCanceledException) { return; }
                await run.Gate.EnterAsync(CancellationToken.None);
            }
            catch (Exception e)
            {
                run.Gate.Exit(throttled: Throttling.IsRetryable(e));
                Count(run, segment, tally, BackfillCounters.Failed);
                run.Failures.Enqueue(new ProductFailure(id, e.Message));
                await RecordFailureAsync(run, id, e.Message);
                return;
            }
        }
    }

    private async Task WriteChunkAsync(BackfillRun run, int segment, List<string> ids, string now, Dictionary<string, Scanned> scanned, PageTally tally,
        CancellationToken fence)
    {
        await Task.Yield();
        var outcome = await transactions.WriteAsync(ids, run.CreatorId, now, run.Gate, scanned, fence);
        Count(run, segment, tally, BackfillCounters.Updated, outcome.Updated.Count);
        foreach (var id in outcome.Skipped) await edits.RewriteIfEditedAsync(run, segment, id, now, tally, fence);
        foreach (var failure in outcome.Failed)
        {
            Count(run, segment, tally, BackfillCounters.Failed);
            run.Failures.Enqueue(failure);
            await RecordFailureAsync(run, failure.ProductId, failure.Error);
        }
    }

    /// <summary>The failure is counted and in the job's log either way; its durable record is best effort, and a failed one is logged.</summary>
    private async Task RecordFailureAsync(BackfillRun run, string productId, string error)
    {
        try { await checkpoints.RecordFailureAsync(run.Plan, productId, error); }
        catch (Exception e)
        {
            logger.LogWarning("The failure of product {ProductId} in backfill {BackfillId} could not be recorded in the ops table: {Error}", productId, run.Plan.Id, e.Message);
        }
    }

    internal static void Count(BackfillRun run, int segment, PageTally tally, string counter, long n = 1)
    {
        tally.Add(counter, n);
        run.Count(segment, counter, n);
    }
}
