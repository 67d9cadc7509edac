using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Migration;

/// <summary>One run of the migration as history keeps it. <see cref="Verification"/> is the report as JSON.</summary>
public sealed record MigrationRunRecord(string RunId, string Kind, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Outcome,
    IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, long> Counts, string? Verification, string? Error);

/// <summary>
/// Every run, newest first, in the ops table under one partition ordered by start time; and the newest run of each
/// kind under its own key, so that "the last migration" stays one read however many verifications came after it.
/// </summary>
public sealed class MigrationHistory(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    private const string Partition = OpsKeys.MigrationHistory;
    private const string LatestPartition = OpsKeys.MigrationLatest;

    public async Task SaveAsync(MigrationRunRecord run, CancellationToken ct)
    {
        var json = S(JsonSerializer.Serialize(run));
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = schema.Ops.Name,
            Item = new()
            {
                ["pk"] = S(Partition), ["sk"] = S($"{run.StartedAt:o}#{run.RunId}"), ["json"] = json,
                ["outcome"] = S(run.Outcome), ["startedBy"] = S(run.StartedBy),
            },
        }, ct);
        try
        {
            // Never replaced by an older run: two runs of a kind may save out of order.
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name,
                Item = new() { ["pk"] = S(LatestPartition), ["sk"] = S(run.Kind), ["json"] = json, ["startedAt"] = S(SortKey(run)) },
                ConditionExpression = "attribute_not_exists(pk) OR startedAt <= :s",
                ExpressionAttributeValues = new() { [":s"] = S(SortKey(run)) },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer run of this kind is already the latest.
        }
    }

    public async Task<IReadOnlyList<MigrationRunRecord>> ListAsync(int limit, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk", ScanIndexForward = false, Limit = limit,
            ExpressionAttributeValues = new() { [":pk"] = S(Partition) },
        }, ct);
        return Records(response.Items);
    }

    /// <summary>One run's record, by its start and id (its key), or null.</summary>
    public async Task<MigrationRunRecord?> GetAsync(DateTimeOffset startedAt, string runId, CancellationToken ct)
    {
        var item = (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = schema.Ops.Name, Key = new() { ["pk"] = S(Partition), ["sk"] = S($"{startedAt:o}#{runId}") }, ConsistentRead = true,
        }, ct)).Item;
        return Records(item is { Count: > 0 } ? [item] : []).SingleOrDefault();
    }

    /// <summary>The newest run of each kind (<see cref="RunKinds"/>), one small Query.</summary>
    public async Task<IReadOnlyDictionary<string, MigrationRunRecord>> LatestByKindAsync(CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk",
            ExpressionAttributeValues = new() { [":pk"] = S(LatestPartition) },
        }, ct);
        return Records(response.Items).ToDictionary(r => r.Kind);
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value);

    private static string SortKey(MigrationRunRecord run) => $"{run.StartedAt.UtcDateTime:o}#{run.RunId}";

    private static List<MigrationRunRecord> Records(List<Dictionary<string, AttributeValue>>? items) =>
        (items ?? []).Select(i => i.GetValueOrDefault("json")?.S).OfType<string>().Select(j => JsonSerializer.Deserialize<MigrationRunRecord>(j)!).ToList();
}
