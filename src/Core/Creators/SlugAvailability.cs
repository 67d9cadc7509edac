using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

public sealed record SlugCheck(string Slug, bool Available, string Message);

/// <summary>The wizard's live check. Advisory only: the transaction in <see cref="CreatorStore.CreateAsync"/> is what guarantees uniqueness.</summary>
public sealed class SlugAvailability(CreatorStore store, IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    public async Task<SlugCheck> CheckAsync(string slug, CancellationToken ct)
    {
        if (SlugRules.Check(slug) is [var problem, ..]) return new(slug, false, problem.Message);
        if ((await store.FindBySlugAsync(slug, ct)).Count > 0) return new(slug, false, $"'{slug}' is taken by another creator.");
        var reservation = await dynamoDb.GetItemAsync(new() { TableName = schema.Ops.Name, Key = CreatorStore.SlugReservationKey(slug), ConsistentRead = true }, ct);
        return reservation.Item is { Count: > 0 }
            ? new(slug, false, $"'{slug}' is reserved by a creator being created.")
            : new(slug, true, $"'{slug}' is available: /creator/{slug}");
    }
}
