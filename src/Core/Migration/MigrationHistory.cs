using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Migration;

/// <summary>One run of the migration as history keeps it. <see cref="Verification"/> is the report as JSON.</summary>
public sealed record MigrationRunRecord(string RunId, string Kind, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Outcome,
    IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, long> Counts, string? Verification, string? Error);

/// <summary>Every run, newest first, in the ops table under one partition ordered by start time.</summary>
public sealed class MigrationHistory(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    private const string Partition = "migration#history";

    public Task SaveAsync(MigrationRunRecord run, CancellationToken ct) => dynamoDb.PutItemAsync(new PutItemRequest
    {
        TableName = schema.Ops.Name,
        Item = new()
        {
            ["pk"] = S(Partition), ["sk"] = S($"{run.StartedAt:o}#{run.RunId}"), ["json"] = S(JsonSerializer.Serialize(run)),
            ["outcome"] = S(run.Outcome), ["startedBy"] = S(run.StartedBy),
        },
    }, ct);

    public async Task<IReadOnlyList<MigrationRunRecord>> ListAsync(int limit, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk", ScanIndexForward = false, Limit = limit,
            ExpressionAttributeValues = new() { [":pk"] = S(Partition) },
        }, ct);
        return (response.Items ?? []).Select(i => i.GetValueOrDefault("json")?.S).OfType<string>()
            .Select(j => JsonSerializer.Deserialize<MigrationRunRecord>(j)!).ToList();
    }

    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value);

    private static AttributeValue S(string s) => new() { S = s };
}
