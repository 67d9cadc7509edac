using System.Text;
using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Audit;

/// <summary>What the Audit page filters by; dates are UTC days, both inclusive.</summary>
public sealed record AuditFilter(string? Action = null, string? ActorId = null, DateOnly? From = null, DateOnly? To = null);

/// <summary>A page of entries, newest first; <see cref="Next"/> continues where it stopped (null at the end).</summary>
public sealed record AuditPage(IReadOnlyList<AuditEntry> Entries, string? Next);

public sealed record AuditPerson(string Id, string Name);

/// <summary>Reads the audit log by key only: the months' partitions newest first, or one actor's or action's partition.</summary>
public sealed class AuditReader(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TableReads reads)
{
    private sealed record Cursor(string P, string? S);

    /// <summary>A page of entries; throws <see cref="TableMissingException"/> while the console's own table does not exist.</summary>
    public Task<AuditPage> ReadAsync(AuditFilter filter, string? cursor, int pageSize, CancellationToken ct) =>
        reads.ReadAsync([schema.Ops.Name], () => ReadPageAsync(filter, cursor, pageSize, ct), ct);

    private async Task<AuditPage> ReadPageAsync(AuditFilter filter, string? cursor, int pageSize, CancellationToken ct)
    {
        var partitions = await PartitionsAsync(filter, ct);
        var from = cursor is null ? null : JsonSerializer.Deserialize<Cursor>(Convert.FromBase64String(cursor));
        var index = from is null ? 0 : partitions.IndexOf(from.P);
        if (index < 0) return new([], null);
        Dictionary<string, AttributeValue>? start = from?.S is { } sk ? new() { ["pk"] = S(from.P), ["sk"] = S(sk) } : null;
        var entries = new List<AuditEntry>();
        while (index < partitions.Count)
        {
            var response = await dynamoDb.QueryAsync(Request(partitions[index], filter, start, pageSize - entries.Count), ct);
            entries.AddRange((response.Items ?? []).Select(AuditMapper.FromItem));
            start = response.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            if (start is null) index++;
            if (entries.Count < pageSize) continue;
            if (start is not null) return new(entries, Encode(new(partitions[index], start["sk"].S)));
            return new(entries, index < partitions.Count ? Encode(new(partitions[index], null)) : null);
        }
        return new(entries, null);
    }

    /// <summary>Everyone with an entry, for the person filter.</summary>
    public Task<IReadOnlyList<AuditPerson>> PeopleAsync(CancellationToken ct) => reads.ReadAsync([schema.Ops.Name], () => ReadPeopleAsync(ct), ct);

    private async Task<IReadOnlyList<AuditPerson>> ReadPeopleAsync(CancellationToken ct) =>
        (await AllAsync(AuditMapper.ActorsPk, ct)).Select(i => new AuditPerson(i["sk"].S, i.GetValueOrDefault("name")?.S ?? i["sk"].S)).ToList();

    private async Task<List<string>> PartitionsAsync(AuditFilter filter, CancellationToken ct)
    {
        if (!string.IsNullOrEmpty(filter.ActorId)) return [AuditMapper.ActorPk(filter.ActorId)];
        if (!string.IsNullOrEmpty(filter.Action)) return [AuditMapper.ActionPk(filter.Action)];
        var first = filter.From?.ToString("yyyy-MM") ?? "";
        var last = filter.To?.ToString("yyyy-MM") ?? "~";
        return (await AllAsync(AuditMapper.MonthsPk, ct)).Select(i => i["sk"].S)
            .Where(m => string.CompareOrdinal(m, first) >= 0 && string.CompareOrdinal(m, last) <= 0)
            .OrderDescending(StringComparer.Ordinal).Select(AuditMapper.MonthPk).ToList();
    }

    private QueryRequest Request(string pk, AuditFilter filter, Dictionary<string, AttributeValue>? start, int limit)
    {
        var request = new QueryRequest
        {
            TableName = schema.Ops.Name,
            KeyConditionExpression = "pk = :pk AND sk BETWEEN :from AND :to",
            ExpressionAttributeValues = new()
            {
                [":pk"] = S(pk),
                [":from"] = S(filter.From?.ToString("yyyy-MM-dd") ?? "0"),
                [":to"] = S((filter.To?.ToString("yyyy-MM-dd") ?? "9999") + "~"),
            },
            ScanIndexForward = false,
            Limit = Math.Max(1, limit),
            ExclusiveStartKey = start,
        };
        // Both filters: the actor's partition is the key; the action is a filter on that one person's entries.
        if (!string.IsNullOrEmpty(filter.ActorId) && !string.IsNullOrEmpty(filter.Action))
        {
            request.FilterExpression = "#action = :action";
            request.ExpressionAttributeNames = new() { ["#action"] = "action" };
            request.ExpressionAttributeValues[":action"] = S(filter.Action);
        }
        return request;
    }

    private async Task<List<Dictionary<string, AttributeValue>>> AllAsync(string pk, CancellationToken ct)
    {
        var items = new List<Dictionary<string, AttributeValue>>();
        var query = dynamoDb.Paginators.Query(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk", ExpressionAttributeValues = new() { [":pk"] = S(pk) },
        });
        await foreach (var page in query.Responses.WithCancellation(ct)) items.AddRange(page.Items ?? []);
        return items;
    }

    private static string Encode(Cursor cursor) => Convert.ToBase64String(Encoding.UTF8.GetBytes(JsonSerializer.Serialize(cursor)));
}
