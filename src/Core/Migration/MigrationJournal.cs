using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Migration;

/// <summary>One product as a backfill page found it: which of the rollout's attributes it lacked and the updatedAt it had (null: none).</summary>
public sealed record JournalEntry(string Id, MissingAttributes Missing, string? UpdatedAt);

/// <summary>A page of the backfill as journaled before its writes: the <c>now</c> the writes set as updatedAt, and the creator id they set.</summary>
public sealed record JournalPage(string Key, string Now, string CreatorId, IReadOnlyList<JournalEntry> Entries);

/// <summary>
/// A migration run the journal knows: the backfill it worked on, and the default creator it created (if it did), with
/// that creator's slug and createdAt as written (null in journals of console versions that did not record them).
/// </summary>
public sealed record JournaledRun(string RunId, string BackfillId, DateTimeOffset StartedAt, string CreatorId, string? CreatedCreatorId,
    string? CreatedCreatorSlug = null, string? CreatedCreatorAt = null);

/// <summary>
/// The migration's journal in the ops table, kept 35 days (TTL on <c>expiresAt</c>, as long as PITR keeps backups):
/// per run, the backfill it worked on; per backfill, one item per scanned page holding each changed product's before-state,
/// written before the page's writes. Every run and worker of one backfill journals into its partition, so undoing a
/// run undoes its backfill, resumed runs and joined workers included.
/// </summary>
public sealed class MigrationJournal(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(35);
    public const string RunsPartition = OpsKeys.MigrationJournalRuns;
    public const string PagePrefix = "page#";
    public const string UndoSortKey = "undo";
    /// <summary>Well under DynamoDB's 400 KB per item, whatever the ids' lengths.</summary>
    private const int MaxItemBytes = 256 * 1024;

    public static string Partition(string backfillId) => OpsKeys.MigrationJournal(backfillId);

    public Task RecordRunAsync(JournaledRun run, CancellationToken ct)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = S(RunsPartition), ["sk"] = S(run.RunId), ["backfillId"] = S(run.BackfillId), ["startedAt"] = S(run.StartedAt.ToString("o")),
            ["creatorId"] = S(run.CreatorId), ["expiresAt"] = Expires(),
        };
        if (run.CreatedCreatorId is not null) item["createdCreatorId"] = S(run.CreatedCreatorId);
        if (run.CreatedCreatorSlug is not null) item["createdCreatorSlug"] = S(run.CreatedCreatorSlug);
        if (run.CreatedCreatorAt is not null) item["createdCreatorAt"] = S(run.CreatedCreatorAt);
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = item }, ct);
    }

    public async Task<JournaledRun?> FindRunAsync(string runId, CancellationToken ct)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = schema.Ops.Name, Key = new() { ["pk"] = S(RunsPartition), ["sk"] = S(runId) }, ConsistentRead = true,
        }, ct)).Item;
        return item is { Count: > 0 } ? ToRun(item) : null;
    }

    /// <summary>Every journaled run of one backfill (the runs partition is small: its items expire after 35 days).</summary>
    public async Task<IReadOnlyList<JournaledRun>> RunsOfAsync(string backfillId, CancellationToken ct)
    {
        var runs = new List<JournaledRun>();
        var query = dynamoDb.Paginators.Query(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk", FilterExpression = "backfillId = :b",
            ConsistentRead = true, ExpressionAttributeValues = new() { [":pk"] = S(RunsPartition), [":b"] = S(backfillId) },
        });
        await foreach (var page in query.Responses.WithCancellation(ct)) runs.AddRange((page.Items ?? []).Select(ToRun));
        return runs;
    }

    /// <summary>Journals a page before its writes: one PutItem per ~256 KB of entries (one for a 500-product page).</summary>
    public async Task WritePageAsync(string backfillId, string now, string creatorId, IReadOnlyList<JournalEntry> entries, CancellationToken ct)
    {
        foreach (var chunk in Chunks(entries))
        {
            var key = $"{PagePrefix}{now}#{Guid.NewGuid().ToString("N")[..8]}";
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name,
                Item = new()
                {
                    ["pk"] = S(Partition(backfillId)), ["sk"] = S(key), ["now"] = S(now), ["creatorId"] = S(creatorId),
                    ["entries"] = S(JsonSerializer.Serialize(chunk.Select(e => new StoredEntry(e.Id, Flags(e.Missing), e.UpdatedAt)))),
                    ["count"] = new AttributeValue { N = chunk.Count.ToString() }, ["expiresAt"] = Expires(),
                },
            }, ct);
        }
    }

    /// <summary>A few journal pages, newest first (undo goes back in the order the writes were made), older than the page <paramref name="before"/>.</summary>
    public async Task<IReadOnlyList<JournalPage>> PagesAsync(string backfillId, string? before, int limit, CancellationToken ct)
    {
        // Every sort key of a backfill's partition but "undo" is a page's, and "undo" sorts after them all.
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Ops.Name, ConsistentRead = true, ScanIndexForward = false, Limit = limit,
            KeyConditionExpression = before is null ? "pk = :pk AND begins_with(sk, :page)" : "pk = :pk AND sk < :before",
            ExpressionAttributeValues = before is null
                ? new() { [":pk"] = S(Partition(backfillId)), [":page"] = S(PagePrefix) }
                : new() { [":pk"] = S(Partition(backfillId)), [":before"] = S(before) },
        }, ct);
        return (response.Items ?? []).Where(i => i["sk"].S.StartsWith(PagePrefix, StringComparison.Ordinal)).Select(ToPage).ToList();
    }

    public AttributeValue Expires() => new() { N = (time.GetUtcNow() + Retention).ToUnixTimeSeconds().ToString() };

    private static IEnumerable<List<JournalEntry>> Chunks(IReadOnlyList<JournalEntry> entries)
    {
        var chunk = new List<JournalEntry>();
        var bytes = 0;
        foreach (var e in entries)
        {
            var size = e.Id.Length * 4 + (e.UpdatedAt?.Length ?? 0) * 4 + 32;
            if (chunk.Count > 0 && bytes + size > MaxItemBytes)
            {
                yield return chunk;
                (chunk, bytes) = ([], 0);
            }
            chunk.Add(e);
            bytes += size;
        }
        if (chunk.Count > 0) yield return chunk;
    }

    private static string Flags(MissingAttributes m) =>
        (m.HasFlag(MissingAttributes.CreatorId) ? "c" : "") + (m.HasFlag(MissingAttributes.Featured) ? "f" : "") + (m.HasFlag(MissingAttributes.Status) ? "s" : "");

    private static MissingAttributes Parse(string flags) =>
        (flags.Contains('c') ? MissingAttributes.CreatorId : 0) | (flags.Contains('f') ? MissingAttributes.Featured : 0) | (flags.Contains('s') ? MissingAttributes.Status : 0);

    private static JournalPage ToPage(Dictionary<string, AttributeValue> i) => Read(i, "page", () => new JournalPage(i["sk"].S, i["now"].S, i["creatorId"].S,
        JsonSerializer.Deserialize<List<StoredEntry>>(i["entries"].S)!.Select(e => new JournalEntry(e.I ?? throw new JsonException("an entry has no product id"),
            Parse(e.M ?? ""), e.U)).ToList()));

    private static JournaledRun ToRun(Dictionary<string, AttributeValue> i) => Read(i, "run", () => new JournaledRun(i["sk"].S, i["backfillId"].S,
        DateTimeOffset.Parse(i["startedAt"].S, System.Globalization.CultureInfo.InvariantCulture), i["creatorId"].S, i.GetValueOrDefault("createdCreatorId")?.S,
        i.GetValueOrDefault("createdCreatorSlug")?.S, i.GetValueOrDefault("createdCreatorAt")?.S));

    /// <summary>An item that does not read as the journal wrote it is refused by name, and nothing is done from it.</summary>
    private static T Read<T>(Dictionary<string, AttributeValue> i, string what, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (Exception e) when (e is JsonException or KeyNotFoundException or FormatException or NullReferenceException or ArgumentException)
        {
            var key = $"{i.GetValueOrDefault("pk")?.S} / {i.GetValueOrDefault("sk")?.S}";
            var reason = e is KeyNotFoundException ? "an attribute is missing" : e is JsonException ? "its entries are not the journal's JSON" : "a value has the wrong form";
            throw new JobFailedException($"The migration journal's {what} item {key} in the console's table is damaged ({reason}), so undo cannot trust it and "
                + "changed nothing from it. Restore that item (point-in-time recovery) or remove it, then run undo again.");
        }
    }

    /// <summary>Short names: a page holds hundreds of entries.</summary>
    private sealed record StoredEntry(string I, string M, string? U);
}
