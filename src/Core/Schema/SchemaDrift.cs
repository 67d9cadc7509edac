using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Schema;

/// <summary>What differs between one live table and its spec.</summary>
internal static class SchemaDrift
{
    public static IEnumerable<Finding> Compare(TableSpec spec, TableDescription table, string? ttlState, bool sandbox)
    {
        var fix = sandbox ? "Use Apply schema (Tables & indexes; on the command line, `schema apply`)." : "Update the storage stack (deployment guide, steps 3-5).";
        if (!KeysMatch(table.KeySchema, table.AttributeDefinitions, spec.Hash, spec.Range))
            yield return new(FindingSeverity.Error, spec.Name, null,
                $"Key schema is {Describe(table.KeySchema, table.AttributeDefinitions)}, expected {Describe(spec.Hash, spec.Range)}.", "A table's key cannot change: recreate it.");

        var live = (table.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName);
        foreach (var index in spec.Indexes)
        {
            if (!live.TryGetValue(index.Name, out var description))
            {
                yield return new(FindingSeverity.Error, spec.Name, index.Name, $"Index {index.Name} is missing.", fix);
                continue;
            }
            if (!KeysMatch(description.KeySchema, table.AttributeDefinitions, index.Hash, index.Range))
                yield return new(FindingSeverity.Error, spec.Name, index.Name,
                    $"Index {index.Name} has keys {Describe(description.KeySchema, table.AttributeDefinitions)}, expected {Describe(index.Hash, index.Range)}.",
                    "An index's keys cannot change: delete it, then add it again.");
            if (description.Projection?.ProjectionType?.Value is { } projection && projection != "ALL")
                yield return new(FindingSeverity.Warning, spec.Name, index.Name, $"Index {index.Name} projects {projection}, expected ALL.");
        }

        if (spec.TtlAttribute is { } attribute && (ttlState is null || !ttlState.StartsWith("ENABL", StringComparison.Ordinal)))
            yield return new(FindingSeverity.Error, spec.Name, null, $"Time to live is {ttlState ?? "unknown"}; expected ENABLED on '{attribute}'.", fix);

        if (table.BillingModeSummary?.BillingMode?.Value is { } mode && mode != "PAY_PER_REQUEST")
            yield return new(FindingSeverity.Warning, spec.Name, null, $"Billing mode is {mode}; the platform uses PAY_PER_REQUEST.");
    }

    private static bool KeysMatch(List<KeySchemaElement>? keys, List<AttributeDefinition>? attributes, KeySpec hash, KeySpec? range)
    {
        keys ??= [];
        var types = (attributes ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType?.Value);
        bool Has(KeySpec key, string role) => keys.Any(k => k.AttributeName == key.Name && k.KeyType?.Value == role)
            && types.GetValueOrDefault(key.Name) == key.Type;
        return keys.Count == (range is null ? 1 : 2) && Has(hash, "HASH") && (range is null || Has(range, "RANGE"));
    }

    // With the types: a key of the right name and the wrong type would otherwise read "id, expected id".
    private static string Describe(List<KeySchemaElement>? keys, List<AttributeDefinition>? attributes)
    {
        if (keys is null or []) return "(none)";
        var types = (attributes ?? []).ToDictionary(a => a.AttributeName, a => a.AttributeType?.Value ?? "?");
        return string.Join(" + ", keys.OrderBy(k => k.KeyType?.Value == "RANGE").Select(k => $"{k.AttributeName} ({types.GetValueOrDefault(k.AttributeName, "?")})"));
    }

    private static string Describe(KeySpec hash, KeySpec? range) =>
        range is null ? $"{hash.Name} ({hash.Type})" : $"{hash.Name} ({hash.Type}) + {range.Name} ({range.Type})";
}
