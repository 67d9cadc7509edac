using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Verification;

/// <summary>A report as it was stored: which run made it, and who started it.</summary>
public sealed record StoredVerification(string RunId, string StartedBy, VerificationResult Result);

/// <summary>
/// The newest verification report, one item in the console's ops table: the page reads it with one GetItem, so viewing
/// it costs nothing and writes nothing; only a run (a job, or the CLI's <c>verify</c>) replaces it.
/// </summary>
public sealed class VerificationReportStore(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    private static readonly Dictionary<string, AttributeValue> Key = OpsKeys.Key(OpsKeys.VerificationReport, OpsKeys.VerificationReportSk);

    public Task SaveAsync(StoredVerification report, CancellationToken ct) => dynamoDb.PutItemAsync(new PutItemRequest
    {
        TableName = schema.Ops.Name,
        Item = new(Key) { ["json"] = new() { S = JsonSerializer.Serialize(report) }, ["startedAt"] = new() { S = report.Result.StartedAt.ToString("o") } },
    }, ct);

    /// <summary>The newest report, or null when none was stored yet or the console's table does not exist yet.</summary>
    public async Task<StoredVerification?> LatestAsync(CancellationToken ct)
    {
        try
        {
            var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = new(Key) }, ct);
            return response.Item?.GetValueOrDefault("json")?.S is { } json ? JsonSerializer.Deserialize<StoredVerification>(json) : null;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
