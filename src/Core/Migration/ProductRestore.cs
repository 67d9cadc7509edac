using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>Where a journaled product stands against its run: as the run left it, back in its before-state, or changed since.</summary>
public enum RestoreState { AsRunLeft, AlreadyUndone, EditedSince }

/// <summary>The undo of one product's backfill write: its journal entry, how to tell its state, and the conditioned write back.</summary>
public static class ProductRestore
{
    /// <summary>The journal entry for a scanned product the backfill will write, or null when it lacks nothing.</summary>
    public static JournalEntry? Entry(Dictionary<string, AttributeValue> item) =>
        ProductUpdate.Missing(item) is var missing && missing != MissingAttributes.None && item.GetValueOrDefault("id")?.S is { } id
            ? new JournalEntry(id, missing, item.GetValueOrDefault("updatedAt")?.S)
            : null;

    public static RestoreState Classify(Dictionary<string, AttributeValue>? item, JournalEntry entry, JournalPage page)
    {
        if (item is not { Count: > 0 }) return RestoreState.EditedSince; // deleted since: nothing to put back
        var added = Added(entry.Missing).ToList();
        if (item.GetValueOrDefault("updatedAt")?.S == page.Now && added.All(a => Same(item.GetValueOrDefault(a.Name), a.Value(page))))
            return RestoreState.AsRunLeft;
        if (item.GetValueOrDefault("updatedAt")?.S == entry.UpdatedAt && added.All(a => !item.ContainsKey(a.Name)))
            return RestoreState.AlreadyUndone;
        return RestoreState.EditedSince;
    }

    /// <summary>Removes what the run added and puts updatedAt back, only while the product is exactly as the run left it.</summary>
    public static UpdateItemRequest Request(string table, JournalEntry entry, JournalPage page)
    {
        var added = Added(entry.Missing).ToList();
        var names = new Dictionary<string, string> { ["#u"] = "updatedAt" };
        var values = new Dictionary<string, AttributeValue> { [":now"] = new() { S = page.Now } };
        var conditions = new List<string> { "#u = :now" };
        foreach (var (a, n) in added.Select((a, n) => (a, n)))
        {
            names[$"#a{n}"] = a.Name;
            values[$":a{n}"] = a.Value(page);
            conditions.Add($"#a{n} = :a{n}");
        }
        var remove = added.Select((_, n) => $"#a{n}").ToList();
        string update;
        if (entry.UpdatedAt is null) update = $"REMOVE {string.Join(", ", remove.Append("#u"))}";
        else
        {
            values[":before"] = new() { S = entry.UpdatedAt };
            update = $"SET #u = :before REMOVE {string.Join(", ", remove)}";
        }
        return new UpdateItemRequest
        {
            TableName = table, Key = new() { ["id"] = new AttributeValue { S = entry.Id } }, UpdateExpression = update,
            ConditionExpression = string.Join(" AND ", conditions), ExpressionAttributeNames = names, ExpressionAttributeValues = values,
        };
    }

    /// <summary>What undo changes on the product, for the dry run's samples.</summary>
    public static ProductDiff Diff(Dictionary<string, AttributeValue> item, JournalEntry entry) =>
        new(entry.Id, Added(entry.Missing).Select(a => new AttributeChange(a.Name, ProductUpdate.Describe(item.GetValueOrDefault(a.Name)), "(absent)"))
            .Append(new AttributeChange("updatedAt", ProductUpdate.Describe(item.GetValueOrDefault("updatedAt")),
                entry.UpdatedAt is null ? "(absent)" : ProductUpdate.Describe(new AttributeValue { S = entry.UpdatedAt })))
            .ToList());

    private static IEnumerable<(string Name, Func<JournalPage, AttributeValue> Value)> Added(MissingAttributes missing)
    {
        if (missing.HasFlag(MissingAttributes.CreatorId)) yield return ("creatorId", p => new AttributeValue { S = p.CreatorId });
        if (missing.HasFlag(MissingAttributes.Featured)) yield return ("featured", _ => FeaturedValue.False);
        if (missing.HasFlag(MissingAttributes.Status)) yield return ("status", _ => new AttributeValue { S = ProductUpdate.Approved });
    }

    private static bool Same(AttributeValue? a, AttributeValue b) => a is not null && a.S is not null && a.S == b.S;
}
