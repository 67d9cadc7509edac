using System.Globalization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// A backfill write whose condition failed: the product is complete already (skipped), or a creator edited it after the
/// scan (trap 13). Then it is read again, its new before-state journaled (in a journal page later than the scan's, which
/// undo meets first), and written again conditioned on what was read, so that undo restores what the creator last wrote.
/// </summary>
public sealed class EditedProductWriter(IAmazonDynamoDB dynamoDb, PlatformSchema schema, MigrationJournal journal, TimeProvider time)
{
    /// <summary>Rounds of read, journal, write for a product edited again and again while the backfill writes it.</summary>
    private const int MaxRounds = 3;

    public async Task RewriteIfEditedAsync(BackfillRun run, int segment, string id, string now, PageTally tally, CancellationToken fence)
    {
        try
        {
            for (var round = 0; round < MaxRounds; round++)
            {
                var item = (await dynamoDb.GetItemAsync(new GetItemRequest
                {
                    TableName = schema.Products.Name, Key = new() { ["id"] = new AttributeValue { S = id } }, ConsistentRead = true,
                    ProjectionExpression = ProductUpdate.Projection, ExpressionAttributeNames = ProductUpdate.ProjectionNames,
                }, fence)).Item;
                if (item is not { Count: > 0 } || ProductRestore.Entry(item) is not { } entry)
                {
                    BackfillPageWriter.Count(run, segment, tally, BackfillCounters.Skipped); // complete already, or deleted
                    return;
                }
                now = Later(now);
                await journal.WritePageAsync(run.Plan.Id, now, run.CreatorId, [entry], fence);
                try
                {
                    await dynamoDb.UpdateItemAsync(ProductUpdate.Request(schema.Products.Name, id, run.CreatorId, now, Scanned.Of(item)), fence);
                    run.Job.Info($"  Product {id} was edited after the scan: read again, journaled as edited, and migrated.");
                    BackfillPageWriter.Count(run, segment, tally, BackfillCounters.Updated);
                    return;
                }
                catch (ConditionalCheckFailedException) { } // edited once more meanwhile: another round
            }
            Fail(run, segment, tally, id, $"edited {MaxRounds} times while the migration wrote it; run the migration again to finish it");
        }
        catch (OperationCanceledException) when (fence.IsCancellationRequested) { } // abandoned at the fence, as any write
        catch (Exception e)
        {
            Fail(run, segment, tally, id, e.Message);
        }
    }

    private static void Fail(BackfillRun run, int segment, PageTally tally, string id, string error)
    {
        BackfillPageWriter.Count(run, segment, tally, BackfillCounters.Failed);
        run.Failures.Enqueue(new ProductFailure(id, error));
    }

    /// <summary>Now, or a millisecond after <paramref name="previous"/> if the clock has not passed it: journal pages sort by it.</summary>
    private string Later(string previous)
    {
        var at = time.GetUtcNow();
        var before = DateTimeOffset.Parse(previous, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);
        return CreatorMapper.Time(at > before ? at : before.AddMilliseconds(1));
    }
}
