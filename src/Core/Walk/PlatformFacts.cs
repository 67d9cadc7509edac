using System.Text.Json;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Walk;

/// <summary>A creator that cannot work, as the walk found it.</summary>
public sealed record BlockedCreator(string Slug, string Reason, string? Fix, bool FixedByEnsure);

/// <summary>
/// What the platform walk found across every creator, with when: the screens show these figures and their age instead
/// of reading every creator themselves. Lists are capped (<see cref="ListLimit"/>); the counts cover everyone.
/// </summary>
public sealed record PlatformFacts(string RunId, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset FinishedAt,
    int Creators, int Active, int ActiveCanWork, int Unlinked, PoolAccessState Pool, bool EnsureWouldChange,
    IReadOnlyList<BlockedCreator> Blocked, IReadOnlyList<ConsistencyFinding> Findings, int FindingCount, PlatformFreshness Freshness)
{
    public const int ListLimit = 50;

    public int BlockedCount => Active - ActiveCanWork;
    public bool AllActiveCanWork => BlockedCount == 0;
    public TimeSpan Took => FinishedAt - StartedAt;

    public string Age(DateTimeOffset now) => (now - FinishedAt) switch
    {
        var a when a < TimeSpan.FromMinutes(1) => "just now",
        var a when a < TimeSpan.FromHours(1) => $"{(int)a.TotalMinutes} min ago",
        var a when a < TimeSpan.FromDays(2) => $"{(int)a.TotalHours} h ago",
        var a => $"{(int)a.TotalDays} days ago",
    };
}

/// <summary>The newest facts, one item in the console's ops table: reading them is one GetItem.</summary>
public sealed class PlatformFactsStore(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    private static Dictionary<string, AttributeValue> Key => OpsKeys.Key(OpsKeys.PlatformFacts, OpsKeys.PlatformFactsSk);

    public Task SaveAsync(PlatformFacts facts, CancellationToken ct) => dynamoDb.PutItemAsync(new PutItemRequest
    {
        TableName = schema.Ops.Name,
        Item = new(Key) { ["json"] = new() { S = JsonSerializer.Serialize(facts) }, ["finishedAt"] = new() { S = facts.FinishedAt.ToString("o") } },
    }, ct);

    /// <summary>Null before the first walk, or while the console's table does not exist.</summary>
    public async Task<PlatformFacts?> LatestAsync(CancellationToken ct)
    {
        try
        {
            var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key }, ct);
            return response.Item?.GetValueOrDefault("json")?.S is { } json ? JsonSerializer.Deserialize<PlatformFacts>(json) : null;
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }
}
