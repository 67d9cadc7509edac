using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Migration;

/// <summary>An open backfill: its id and how many segments its scan was cut into. It outlives the runs that work on it.</summary>
public sealed record BackfillPlan(string Id, int Segments, bool Resumed);

/// <summary>A segment's durable progress: where its scan stopped and what it counted so far, over every run.</summary>
public sealed record SegmentState(int Segment, bool Done, Dictionary<string, AttributeValue>? LastKey, long Scanned, long Updated, long Skipped, long Failed, string? Owner)
{
    /// <summary>Until when <see cref="Owner"/>'s claim holds unless renewed; null when nobody claims it.</summary>
    public DateTimeOffset? ClaimUntil { get; init; }
}

/// <summary>
/// The backfill's progress in the ops table: one pointer to the open backfill, and per segment its last evaluated key,
/// counts and a claim (owner + expiry) so that several workers can share the segments and a dead one's are taken over.
/// </summary>
public sealed class BackfillCheckpoints(IAmazonDynamoDB dynamoDb, PlatformSchema schema, IOptions<PlatformOptions> options, TimeProvider time)
{
    private string Table => schema.Ops.Name;
    private static readonly Dictionary<string, AttributeValue> PointerKey = OpsKeys.Key(OpsKeys.BackfillPointer, OpsKeys.BackfillPointerSk);

    /// <summary>The open backfill, or a new one with <paramref name="segments"/> segments when none is open.</summary>
    public async Task<BackfillPlan> OpenAsync(int segments, CancellationToken ct)
    {
        if (await CurrentAsync(ct) is { } open) return open;
        var id = $"{time.GetUtcNow():yyyyMMddHHmmss}-{Guid.NewGuid().ToString("N")[..6]}";
        var states = Enumerable.Range(0, segments).Select(n => new Dictionary<string, AttributeValue>
        {
            ["pk"] = S(OpsKeys.Backfill(id)), ["sk"] = S(OpsKeys.Segment(n)), ["segment"] = N(n), ["done"] = new() { BOOL = false },
            [BackfillCounters.Scanned] = N(0), [BackfillCounters.Updated] = N(0), [BackfillCounters.Skipped] = N(0), [BackfillCounters.Failed] = N(0),
        });
        await BatchWriter.PutAllAsync(dynamoDb, Table, states, ct);
        var pointer = new Dictionary<string, AttributeValue>(PointerKey) { ["backfillId"] = S(id), ["segments"] = N(segments) };
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = Table, Item = pointer, ConditionExpression = "attribute_not_exists(pk)" }, ct);
            return new BackfillPlan(id, segments, false);
        }
        catch (ConditionalCheckFailedException)
        {
            return await CurrentAsync(ct) ?? throw new InvalidOperationException("The open backfill vanished while opening one.");
        }
    }

    public async Task<BackfillPlan?> CurrentAsync(CancellationToken ct)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = Table, Key = PointerKey, ConsistentRead = true }, ct)).Item;
        return item is { Count: > 0 } && item.TryGetValue("backfillId", out var id) && id.S is { } s
            ? new BackfillPlan(s, Segments(item), true)
            : null;
    }

    /// <summary>The open backfill's segment count, refused by name when the item does not hold one a scan can use.</summary>
    private static int Segments(Dictionary<string, AttributeValue> item)
    {
        if (int.TryParse(item.GetValueOrDefault("segments")?.N, out var segments) && segments is >= 1 and <= 1000) return segments;
        throw new Jobs.JobFailedException($"The open backfill's checkpoint ({OpsKeys.BackfillPointer} / {OpsKeys.BackfillPointerSk}) in the console's table is damaged: "
            +
                $"its segment count is '{item.GetValueOrDefault("segments")?.N}', not 1 to 1000. Restore that item (point-in-time recovery) or remove it to start the backfill " +
                    $"afresh.");
    }

    /// <summary>Closes the backfill once every segment is done; the next run starts a new one.</summary>
    public Task CloseAsync(BackfillPlan plan, CancellationToken ct) => dynamoDb.DeleteItemAsync(new DeleteItemRequest
    {
        TableName = Table, Key = PointerKey, ConditionExpression = "backfillId = :id", ExpressionAttributeValues = new() { [":id"] = S(plan.Id) },
    }, ct);

    public async Task<IReadOnlyList<SegmentState>> SegmentsAsync(BackfillPlan plan, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = Table, ConsistentRead = true,
            KeyConditionExpression = "pk = :pk AND begins_with(sk, :segment)",
            ExpressionAttributeValues = new() { [":pk"] = S(OpsKeys.Backfill(plan.Id)), [":segment"] = S(OpsKeys.SegmentPrefix) },
        }, ct);
        return (response.Items ?? []).Select(ToState).ToList();
    }

    /// <summary>Claims a segment that is not done and free, expired or already ours; null when another live worker has it.</summary>
    public async Task<SegmentState?> TryClaimAsync(BackfillPlan plan, int segment, string workerId, CancellationToken ct, string? deadOwner = null)
    {
        var now = time.GetUtcNow();
        // A dead owner (its process is gone from this host) is replaced at once, and only that owner, rather than waited out.
        var condition = deadOwner is null
            ? "attribute_exists(pk) AND done = :false AND (attribute_not_exists(#owner) OR #owner = :me OR claimUntil < :now)"
            : "attribute_exists(pk) AND done = :false AND #owner = :dead";
        try
        {
            var response = await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table, Key = SegmentKey(plan, segment), ReturnValues = ReturnValue.ALL_NEW,
                UpdateExpression = "SET #owner = :me, claimUntil = :until",
                ConditionExpression = condition,
                ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = deadOwner is null
                    ? new()
                    {
                        [":me"] = S(workerId), [":until"] = N(ClaimUntil(now)), [":now"] = N(now.ToUnixTimeMilliseconds()), [":false"] = new() { BOOL = false },
                    }
                    : new() { [":me"] = S(workerId), [":until"] = N(ClaimUntil(now)), [":dead"] = S(deadOwner), [":false"] = new() { BOOL = false } },
            }, ct);
            return ToState(response.Attributes ?? []);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
    }

    /// <summary>Saves a page's progress and renews the claim; fails when another worker took the segment over.</summary>
    public Task<UpdateItemResponse> SaveAsync(BackfillPlan plan, SegmentState state, string workerId, CancellationToken ct)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":me"] = S(workerId), [":until"] = N(ClaimUntil(time.GetUtcNow())), [":done"] = new() { BOOL = state.Done },
            [":scanned"] = N(state.Scanned), [":updated"] = N(state.Updated), [":skipped"] = N(state.Skipped), [":failed"] = N(state.Failed),
        };
        var set = "claimUntil = :until, done = :done, scanned = :scanned, updated = :updated, skipped = :skipped, failed = :failed";
        if (state.LastKey is not null) values[":lastKey"] = new AttributeValue { M = state.LastKey };
        return dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = Table, Key = SegmentKey(plan, state.Segment),
            UpdateExpression = state.LastKey is null ? $"SET {set} REMOVE lastKey" : $"SET {set}, lastKey = :lastKey",
            ConditionExpression = "#owner = :me",
            ExpressionAttributeNames = new() { ["#owner"] = "owner" },
            ExpressionAttributeValues = values,
        }, ct);
    }

    /// <summary>Extends a claim (the segment's heartbeat); false when another worker has the segment now.</summary>
    public async Task<bool> RenewClaimAsync(BackfillPlan plan, int segment, string workerId, CancellationToken ct)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table, Key = SegmentKey(plan, segment), UpdateExpression = "SET claimUntil = :until",
                ConditionExpression = "#owner = :me", ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = new() { [":me"] = S(workerId), [":until"] = N(ClaimUntil(time.GetUtcNow())) },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    /// <summary>Gives a segment up (on cancel) so that the next run or another worker takes it at once.</summary>
    public async Task ReleaseAsync(BackfillPlan plan, int segment, string workerId)
    {
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = Table, Key = SegmentKey(plan, segment), UpdateExpression = "REMOVE #owner, claimUntil",
                ConditionExpression = "#owner = :me", ExpressionAttributeNames = new() { ["#owner"] = "owner" },
                ExpressionAttributeValues = new() { [":me"] = S(workerId) },
            });
        }
        catch (ConditionalCheckFailedException) { }
    }

    public Task RecordFailureAsync(BackfillPlan plan, string productId, string error) => dynamoDb.PutItemAsync(new PutItemRequest
    {
        TableName = Table,
        Item = new() { ["pk"] = S(OpsKeys.Backfill(plan.Id)), ["sk"] = S(OpsKeys.Failure(productId)), ["error"] = S(error), ["at"] = S(time.GetUtcNow().ToString("o")) },
    });

    private long ClaimUntil(DateTimeOffset now) => (now + TimeSpan.FromSeconds(options.Value.Migration.LeaseSeconds)).ToUnixTimeMilliseconds();

    private static Dictionary<string, AttributeValue> SegmentKey(BackfillPlan plan, int segment) =>
        OpsKeys.Key(OpsKeys.Backfill(plan.Id), OpsKeys.Segment(segment));

    private static SegmentState ToState(Dictionary<string, AttributeValue> i)
    {
        long Num(string k) => i.TryGetValue(k, out var v) && long.TryParse(v.N, out var n) ? n : 0;
        return new SegmentState((int)Num("segment"), i.TryGetValue("done", out var d) && d.BOOL == true,
            i.TryGetValue("lastKey", out var k) && k.M is { Count: > 0 } m ? m : null,
            Num(BackfillCounters.Scanned), Num(BackfillCounters.Updated), Num(BackfillCounters.Skipped), Num(BackfillCounters.Failed),
            i.TryGetValue("owner", out var o) ? o.S : null)
        {
            ClaimUntil = i.TryGetValue("claimUntil", out var c) && long.TryParse(c.N, out var ms) ? DateTimeOffset.FromUnixTimeMilliseconds(ms) : null,
        };
    }

}
