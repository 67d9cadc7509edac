using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Migration;

/// <summary>One run of the migration as history keeps it. <see cref="Verification"/> is the report as JSON.</summary>
public sealed record MigrationRunRecord(string RunId, string Kind, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset? EndedAt, string Outcome,
    IReadOnlyDictionary<string, string> Settings, IReadOnlyDictionary<string, long> Counts, string? Verification, string? Error)
{
    /// <summary>The run's counters (its baseline and segments too) as its job last stored them, and when: what every other process shows of it.</summary>
    public RunProgress? Progress { get; init; }
}

/// <summary>A copy of a run's job counters taken at <paramref name="At"/>.</summary>
public sealed record RunProgress(DateTimeOffset At, IReadOnlyDictionary<string, long> Counters);

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
        await SaveLatestAsync(run, json, ct);
    }

    /// <summary>
    /// A running run's progress: both copies are written only while they still say running, so a progress write that
    /// arrives late never reopens a run that ended (or that a takeover closed as interrupted). False when it had ended.
    /// </summary>
    public async Task<bool> SaveProgressAsync(MigrationRunRecord run, CancellationToken ct)
    {
        var json = S(JsonSerializer.Serialize(run));
        var running = new Dictionary<string, AttributeValue> { [":running"] = S(RunOutcomes.Running) };
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name,
                Item = new()
                {
                    ["pk"] = S(Partition), ["sk"] = S($"{run.StartedAt:o}#{run.RunId}"), ["json"] = json,
                    ["outcome"] = S(RunOutcomes.Running), ["startedBy"] = S(run.StartedBy),
                },
                ConditionExpression = "outcome = :running", ExpressionAttributeValues = running,
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        await SaveLatestAsync(run, json, ct);
        return true;
    }

    private async Task SaveLatestAsync(MigrationRunRecord run, AttributeValue json, CancellationToken ct)
    {
        var progress = run.Outcome == RunOutcomes.Running && run.Progress is not null;
        try
        {
            // Never replaced by an older run: two runs of a kind may save out of order.
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name,
                Item = new() { ["pk"] = S(LatestPartition), ["sk"] = S(run.Kind), ["json"] = json, ["startedAt"] = S(SortKey(run)), ["outcome"] = S(run.Outcome) },
                ConditionExpression = progress
                    ? "attribute_not_exists(pk) OR startedAt < :s OR (startedAt = :s AND outcome = :running)"
                    : "attribute_not_exists(pk) OR startedAt <= :s",
                ExpressionAttributeValues = progress
                    ? new() { [":s"] = S(SortKey(run)), [":running"] = S(RunOutcomes.Running) }
                    : new() { [":s"] = S(SortKey(run)) },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            // A newer run of this kind is already the latest (or, for progress, this run's latest copy has its end).
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
