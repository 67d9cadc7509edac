using System.Text.Json;
using System.Text.Json.Serialization;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>The onboarding's steps in the order they run; each is done once and skipped on resume.</summary>
public enum OnboardingStep { Creator, User, Group, Link }

/// <summary>An existing user (username or e-mail), or a new one to create with an invitation e-mail.</summary>
public sealed record OnboardingUser(string? Existing, string? NewUsername = null, string? NewEmail = null)
{
    public bool CreatesUser => string.IsNullOrWhiteSpace(Existing);
    public static OnboardingUser ExistingUser(string usernameOrEmail) => new(usernameOrEmail);
    public static OnboardingUser NewUser(string username, string email) => new(null, username, email);
}

/// <summary>One onboarding as it stands; kept in the console's ops table so that a failure part-way can be resumed.</summary>
public sealed record OnboardingProgress(
    string Id, CreatorProfile Profile, OnboardingUser User, string StartedBy, DateTimeOffset StartedAt, DateTimeOffset UpdatedAt,
    IReadOnlyList<OnboardingStep> Done, string CreatorId, string? Username = null, string? Sub = null, OnboardingStep? FailedAt = null, string? LastError = null,
    IReadOnlyList<string>? AccessMissing = null, bool? CreatedUser = null, bool? AddedToGroup = null, bool Abandoned = false)
{
    public bool Completed => Enum.GetValues<OnboardingStep>().All(Done.Contains);
    public OnboardingStep? Next => Enum.GetValues<OnboardingStep>().Cast<OnboardingStep?>().FirstOrDefault(s => !Done.Contains(s!.Value));
    public bool IsDone(OnboardingStep step) => Done.Contains(step);
    public string PublicPath => $"/creator/{Profile.Slug}";
}

/// <summary>Onboardings in the ops table (pk <c>onboarding</c>, sk the id); never in the platform's tables.</summary>
public sealed class OnboardingProgressStore(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time)
{
    private const string Pk = OpsKeys.Onboarding;
    private static readonly TimeSpan KeepCompleted = TimeSpan.FromDays(30);
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { Converters = { new JsonStringEnumConverter() } };

    public async Task SaveAsync(OnboardingProgress progress, CancellationToken ct)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = new() { S = Pk },
            ["sk"] = new() { S = progress.Id },
            ["state"] = new() { S = progress.Completed ? "completed" : progress.Abandoned ? "abandoned" : "open" },
            ["data"] = new() { S = JsonSerializer.Serialize(progress, Json) },
        };
        if (progress.Completed || progress.Abandoned) item["expiresAt"] = new() { N = (time.GetUtcNow() + KeepCompleted).ToUnixTimeSeconds().ToString() };
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = item }, ct);
    }

    public async Task<OnboardingProgress?> GetAsync(string id, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key(id), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } item ? Read(item) : null;
    }

    /// <summary>Onboardings not completed, newest first: the wizard offers to resume them.</summary>
    public async Task<IReadOnlyList<OnboardingProgress>> ListOpenAsync(CancellationToken ct)
    {
        var found = new List<OnboardingProgress>();
        var query = dynamoDb.Paginators.Query(new QueryRequest
        {
            TableName = schema.Ops.Name,
            KeyConditionExpression = "pk = :pk",
            FilterExpression = "#state = :open",
            ExpressionAttributeNames = new() { ["#state"] = "state" },
            ExpressionAttributeValues = new() { [":pk"] = new() { S = Pk }, [":open"] = new() { S = "open" } },
            ConsistentRead = true,
        });
        await foreach (var page in query.Responses.WithCancellation(ct)) found.AddRange((page.Items ?? []).Select(Read));
        return found.OrderByDescending(p => p.UpdatedAt).ToList();
    }

    private static Dictionary<string, AttributeValue> Key(string id) => OpsKeys.Key(Pk, id);

    private static OnboardingProgress Read(Dictionary<string, AttributeValue> item) =>
        JsonSerializer.Deserialize<OnboardingProgress>(item["data"].S, Json) ?? throw new InvalidDataException("An onboarding record without data.");
}
