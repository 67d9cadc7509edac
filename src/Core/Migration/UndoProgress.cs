using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// An undo's durable progress, saved after each journal page: the last page done (pages go newest first) and the counts
/// so far. <see cref="Done"/> false means an undo stopped midway (a crash, a cancel) and the next one resumes after <see cref="Cursor"/>.
/// </summary>
public sealed record UndoProgress(bool Done, string? Cursor, long Products, long Undone, long AlreadyUndone, long EditedSince, IReadOnlyList<string> EditedIds)
{
    /// <summary>The ids kept in the ops table and in the report; the count stays exact beyond them.</summary>
    public const int MaxEditedIds = 1000;

    public static UndoProgress Start => new(false, null, 0, 0, 0, 0, []);
}

public sealed class UndoProgressStore(IAmazonDynamoDB dynamoDb, PlatformSchema schema, MigrationJournal journal)
{
    public async Task<UndoProgress?> ReadAsync(string backfillId, CancellationToken ct)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key(backfillId), ConsistentRead = true }, ct)).Item;
        return item is { Count: > 0 } && item.GetValueOrDefault("json")?.S is { } json ? JsonSerializer.Deserialize<UndoProgress>(json) : null;
    }

    public Task SaveAsync(string backfillId, UndoProgress progress, CancellationToken ct)
    {
        var item = Key(backfillId);
        item["json"] = new AttributeValue { S = JsonSerializer.Serialize(progress) };
        item["expiresAt"] = journal.Expires();
        return dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = item }, ct);
    }

    private static Dictionary<string, AttributeValue> Key(string backfillId) => new()
    {
        ["pk"] = new AttributeValue { S = MigrationJournal.Partition(backfillId) }, ["sk"] = new AttributeValue { S = MigrationJournal.UndoSortKey },
    };
}
