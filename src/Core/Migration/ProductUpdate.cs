using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>Which of the rollout's attributes a product lacks.</summary>
[Flags]
public enum MissingAttributes { None = 0, CreatorId = 1, Featured = 2, Status = 4 }

/// <summary>The updatedAt a scan read of a product (null: it had none), which the backfill's write is conditioned on.</summary>
public sealed record Scanned(string? UpdatedAt)
{
    public static Scanned Of(Dictionary<string, AttributeValue> item) => new(item.GetValueOrDefault("updatedAt")?.S);
}

/// <summary>The backfill's write for one product: each attribute set only where absent, conditioned so nothing present is replaced.</summary>
public static class ProductUpdate
{
    public const string Approved = "approved";
    public static readonly string[] Statuses = ["pending", "approved", "rejected"];

    /// <summary>What the backfill reads of a product: its key, the three attributes it may set and the updatedAt it replaces (for the journal).</summary>
    public const string Projection = "id, creatorId, featured, #status, updatedAt";
    public static readonly Dictionary<string, string> ProjectionNames = new() { ["#status"] = "status" };

    public static MissingAttributes Missing(Dictionary<string, AttributeValue> item)
    {
        var missing = MissingAttributes.None;
        if (!item.ContainsKey("creatorId")) missing |= MissingAttributes.CreatorId;
        if (!item.ContainsKey("featured")) missing |= MissingAttributes.Featured;
        if (!item.ContainsKey("status")) missing |= MissingAttributes.Status;
        return missing;
    }

    /// <summary>
    /// if_not_exists keeps a value a concurrent writer set between our read and our write; the condition makes an
    /// already-complete (or deleted) product a ConditionalCheckFailed, counted as skipped, instead of a write. With
    /// <paramref name="scanned"/>, the write also fails when the product was edited after the scan (its updatedAt moved),
    /// so that the journal's before-state is never stale: the writer then reads it again (trap 13).
    /// </summary>
    public static UpdateItemRequest Request(string table, string productId, string creatorId, string now, Scanned? scanned = null)
    {
        var values = new Dictionary<string, AttributeValue>
        {
            [":creatorId"] = new AttributeValue { S = creatorId },
            [":featured"] = FeaturedValue.False,
            [":status"] = new AttributeValue { S = Approved },
            [":now"] = new AttributeValue { S = now },
        };
        var condition = "attribute_exists(id) AND (attribute_not_exists(creatorId) OR attribute_not_exists(featured) OR attribute_not_exists(#status))";
        if (scanned is { UpdatedAt: null }) condition += " AND attribute_not_exists(updatedAt)";
        else if (scanned is { UpdatedAt: { } at })
        {
            condition += " AND updatedAt = :scanned";
            values[":scanned"] = new AttributeValue { S = at };
        }
        return new()
        {
            TableName = table,
            Key = new() { ["id"] = new AttributeValue { S = productId } },
            UpdateExpression = "SET creatorId = if_not_exists(creatorId, :creatorId), featured = if_not_exists(featured, :featured), "
                + "#status = if_not_exists(#status, :status), updatedAt = :now",
            ConditionExpression = condition,
            ExpressionAttributeNames = new() { ["#status"] = "status" },
            ExpressionAttributeValues = values,
        };
    }

    /// <summary>The product as the backfill would leave it (for the dry run's before/after samples).</summary>
    public static Dictionary<string, AttributeValue> After(Dictionary<string, AttributeValue> item, string creatorId, string now)
    {
        var after = new Dictionary<string, AttributeValue>(item);
        after.TryAdd("creatorId", new AttributeValue { S = creatorId });
        after.TryAdd("featured", FeaturedValue.False);
        after.TryAdd("status", new AttributeValue { S = Approved });
        after["updatedAt"] = new AttributeValue { S = now };
        return after;
    }

    /// <summary>DynamoDB's item size: names plus values, as write units are billed (1 WRU per started KB).</summary>
    public static int Size(Dictionary<string, AttributeValue> item) => item.Sum(kv => System.Text.Encoding.UTF8.GetByteCount(kv.Key) + Size(kv.Value));

    private static int Size(AttributeValue v) =>
        v.S is not null ? System.Text.Encoding.UTF8.GetByteCount(v.S)
        : v.N is not null ? Math.Max(1, v.N.Length / 2 + 1)
        : v.BOOL is not null || v.NULL is not null ? 1
        : v.M is not null ? 3 + v.M.Sum(kv => System.Text.Encoding.UTF8.GetByteCount(kv.Key) + Size(kv.Value) + 1)
        : v.L is not null ? 3 + v.L.Sum(x => Size(x) + 1)
        : v.SS is not null ? v.SS.Sum(System.Text.Encoding.UTF8.GetByteCount)
        : v.B is not null ? (int)v.B.Length
        : 1;

    public static string Describe(AttributeValue? v) =>
        v is null ? "(absent)" : v.S is not null ? $"\"{v.S}\"" : v.BOOL is { } b ? (b ? "true" : "false") : v.N ?? "(other)";
}
