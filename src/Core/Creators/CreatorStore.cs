using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// Reads and creates creators. A slug is unique among the console's creations because creation writes the creator and
/// a reservation of its slug in the console's ops table in one transaction, each conditioned on not existing. The
/// platform's self-signup takes no reservation and checks slug-index only, so creation also queries slug-index before
/// the transaction and again after it, and undoes its own write when another creator appeared with the slug.
/// </summary>
public sealed class CreatorStore(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time, AuditLog audit)
{
    private readonly SlugRaceCheck rollback = new(dynamoDb, schema, audit);

    public static Dictionary<string, AttributeValue> SlugReservationKey(string slug) => new()
    {
        ["pk"] = new AttributeValue { S = OpsKeys.SlugReservation(slug) },
        ["sk"] = new AttributeValue { S = OpsKeys.SlugReservationSk },
    };

    /// <summary>Every creator with the slug, through slug-index (never a Scan); more than one means the data needs repair.</summary>
    public async Task<IReadOnlyList<Creator>> FindBySlugAsync(string slug, CancellationToken ct)
    {
        var found = new List<Creator>();
        var query = dynamoDb.Paginators.Query(new QueryRequest
        {
            TableName = schema.Creators.Name,
            IndexName = PlatformSchema.SlugIndex,
            KeyConditionExpression = "slug = :slug",
            ExpressionAttributeValues = new() { [":slug"] = new AttributeValue { S = slug } },
        });
        await foreach (var page in query.Responses.WithCancellation(ct)) found.AddRange((page.Items ?? []).Select(CreatorMapper.FromItem));
        return found;
    }

    /// <summary>The creator id the console's reservation of the slug holds, or null.</summary>
    public async Task<string?> ReservedByAsync(string slug, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = SlugReservationKey(slug), ConsistentRead = true }, ct);
        return response.Item?.GetValueOrDefault("creatorId")?.S;
    }

    public async Task<Creator?> FindByIdAsync(string id, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = schema.Creators.Name,
            Key = new() { ["id"] = new AttributeValue { S = id } },
            ConsistentRead = true,
        }, ct);
        return response.Item is { Count: > 0 } item ? CreatorMapper.FromItem(item) : null;
    }

    /// <summary>Of <paramref name="ids"/>, those that name an existing creator.</summary>
    public async Task<ISet<string>> ExistingIdsAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var keys = ids.Distinct().Select(id => new Dictionary<string, AttributeValue> { ["id"] = new() { S = id } });
        var items = await BatchReader.GetAllAsync(dynamoDb, schema.Creators.Name, keys, "id", ct);
        return items.Select(item => item.GetValueOrDefault("id")?.S).OfType<string>().ToHashSet();
    }

    /// <summary>Creates the creator and reserves its slug atomically; throws <see cref="SlugTakenException"/> when the slug is reserved.</summary>
    public async Task<Creator> CreateAsync(Creator creator, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Create the creator {creator.Slug}");
        var entry = audit.Entry(actor, AuditActions.CreatorCreated, $"{creator.Slug} ({creator.Id})", after: $"{creator.DisplayName}, status {creator.Status}");
        if ((await FindBySlugAsync(creator.Slug, ct)).FirstOrDefault(c => c.Id != creator.Id) is { } holder)
        {
            var taken = await ReservedByAsync(creator.Slug, ct) == holder.Id
                ? new SlugTakenException(creator.Slug)
                : new SlugTakenException(creator.Slug, $"The slug '{creator.Slug}' is taken: creator {holder.Id} ({holder.DisplayName}) has it in "
                    + $"{schema.Creators.Name}, without a console reservation (made by the platform's self-signup or by hand). Choose another slug.");
            await audit.RecordFailureAsync(actor, AuditActions.CreatorCreated, entry.Target, taken.Message, after: entry.After);
            throw taken;
        }
        var reservation = SlugReservationKey(creator.Slug);
        reservation["creatorId"] = new AttributeValue { S = creator.Id };
        reservation["reservedAt"] = new AttributeValue { S = CreatorMapper.Time(time.GetUtcNow()) };
        var request = new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Put = new Put { TableName = schema.Ops.Name, Item = reservation, ConditionExpression = "attribute_not_exists(pk)" } },
                new() { Put = new Put { TableName = schema.Creators.Name, Item = CreatorMapper.ToItem(creator), ConditionExpression = "attribute_not_exists(id)" } },
                .. await audit.TransactItemsAsync(entry, ct),
            ],
            // Per call: a retry after a conflict carries a new audit entry, which the same token would refuse as a mismatch.
            ClientRequestToken = entry.Id,
        };
        try
        {
            await dynamoDb.TransactWriteItemsAsync(request, ct);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.FirstOrDefault()?.Code == "ConditionalCheckFailed")
        {
            // A creator with this very id means an earlier attempt of this creation went through: not a refusal to record.
            if (e.CancellationReasons.ElementAtOrDefault(1)?.Code != "ConditionalCheckFailed")
                await audit.RecordFailureAsync(actor, AuditActions.CreatorCreated, entry.Target, $"The slug '{creator.Slug}' is taken.", after: entry.After);
            throw new SlugTakenException(creator.Slug);
        }
        catch (AmazonDynamoDBException e) when (e is not TransactionCanceledException || !IsConflict((TransactionCanceledException)e))
        {
            await audit.RecordFailureAsync(actor, AuditActions.CreatorCreated, entry.Target, e.Message, after: entry.After);
            throw;
        }
        await rollback.CheckAfterCreateAsync(creator, actor, ct);
        return creator;
    }

    // Two creations of one slug at once: the caller tries again, and that attempt's outcome is what gets recorded.
    private static bool IsConflict(TransactionCanceledException e) => e.CancellationReasons?.Any(r => r.Code == "TransactionConflict") == true;
}

/// <summary>Another creator holds (or is being created with) the slug.</summary>
public sealed class SlugTakenException(string slug, string? message = null)
    : Exception(message ?? $"The slug '{slug}' is taken: another creator has it or is being created with it.")
{
    public string Slug { get; } = slug;
}
