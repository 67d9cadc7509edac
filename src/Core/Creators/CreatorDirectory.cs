using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>A product as the creator's page lists it; <see cref="FeaturedIsBoolean"/> marks the guide's encoding, which the platform misreads.</summary>
public sealed record CreatorProduct(string Id, string Title, string Category, string Status, string? Price, bool Featured, string CreatedAt, bool FeaturedIsBoolean = false);

/// <summary>Reads across all creators and their products, and the two updates the screens make to a creator.</summary>
public sealed class CreatorDirectory(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time, AuditLog audit)
{
    /// <summary>Every creator. A Scan is right here (the whole table is wanted); finding one slug goes through slug-index.</summary>
    public async Task<IReadOnlyList<Creator>> ListAllAsync(CancellationToken ct)
    {
        var all = new List<Creator>();
        await foreach (var page in dynamoDb.Paginators.Scan(new ScanRequest { TableName = schema.Creators.Name }).Responses.WithCancellation(ct))
            all.AddRange((page.Items ?? []).Select(CreatorMapper.FromItem));
        return all.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One page of creators in the table's key order, from <paramref name="cursor"/> (the last id of the page before);
    /// with <paramref name="status"/>, only those of that status, so a page may hold fewer than <paramref name="size"/>.
    /// </summary>
    public async Task<(IReadOnlyList<Creator> Creators, string? Next)> ListPageAsync(string? status, string? cursor, int size, CancellationToken ct)
    {
        var request = new ScanRequest { TableName = schema.Creators.Name, Limit = size };
        if (!string.IsNullOrEmpty(cursor)) request.ExclusiveStartKey = new() { ["id"] = new AttributeValue { S = cursor } };
        if (status is not null)
        {
            request.FilterExpression = "#s = :s";
            request.ExpressionAttributeNames = new() { ["#s"] = "status" };
            request.ExpressionAttributeValues = new() { [":s"] = new AttributeValue { S = status } };
        }
        var page = await dynamoDb.ScanAsync(request, ct);
        return ((page.Items ?? []).Select(CreatorMapper.FromItem).ToList(), page.LastEvaluatedKey?.GetValueOrDefault("id")?.S);
    }

    /// <summary>
    /// How many products name the creator, counted by creatorId-index with Select=COUNT in one Query that stops at
    /// <paramref name="cap"/>: the count and whether there are more.
    /// </summary>
    public async Task<(int Count, bool More)> CountProductsAsync(string creatorId, int cap, CancellationToken ct)
    {
        var request = ByCreator(creatorId);
        request.Select = Select.COUNT;
        request.Limit = cap;
        var page = await dynamoDb.QueryAsync(request, ct);
        return (page.Count ?? 0, page.LastEvaluatedKey is { Count: > 0 });
    }

    /// <summary>The creator's newest products, at most <paramref name="limit"/>.</summary>
    public async Task<IReadOnlyList<CreatorProduct>> ListProductsAsync(string creatorId, int limit, CancellationToken ct)
    {
        var request = ByCreator(creatorId);
        request.ScanIndexForward = false;
        request.Limit = limit;
        var page = await dynamoDb.QueryAsync(request, ct);
        return (page.Items ?? []).Select(i => new CreatorProduct(Str(i, "id"), Str(i, "title"), Str(i, "category"), Str(i, "status"),
            i.TryGetValue("price", out var p) ? p.S : null, Migration.FeaturedValue.IsFeatured(i.GetValueOrDefault("featured")), Str(i, "createdAt"),
            Migration.FeaturedValue.IsBoolean(Migration.FeaturedValue.Classify(i.GetValueOrDefault("featured"))))).ToList();
    }

    /// <summary>The creators whose userId is <paramref name="userId"/>, through userId-index.</summary>
    public async Task<IReadOnlyList<Creator>> FindByUserIdAsync(string userId, CancellationToken ct)
    {
        var page = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Creators.Name,
            IndexName = PlatformSchema.UserIdIndex,
            KeyConditionExpression = "userId = :u",
            ExpressionAttributeValues = new() { [":u"] = new AttributeValue { S = userId } },
        }, ct);
        return (page.Items ?? []).Select(CreatorMapper.FromItem).ToList();
    }

    public Task SetUserIdAsync(string creatorId, string sub, CancellationToken ct) => SetAsync(creatorId, "userId", sub, AuditActions.CreatorLinked, ct);

    public Task SetStatusAsync(string creatorId, string status, CancellationToken ct) =>
        status is Creator.Active or Creator.Disabled
            ? SetAsync(creatorId, "status", status, status == Creator.Active ? AuditActions.CreatorEnabled : AuditActions.CreatorDisabled, ct)
            : throw new ArgumentException($"A creator's status is '{Creator.Active}' or '{Creator.Disabled}', not '{status}'.", nameof(status));

    /// <summary>
    /// The update and its audit entry in one transaction. The update is conditioned on the value read as "before", so the
    /// entry cannot name a before that another writer changed in between.
    /// </summary>
    private async Task SetAsync(string creatorId, string attribute, string value, string action, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"{action} {creatorId}");
        var current = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = schema.Creators.Name, Key = new() { ["id"] = new AttributeValue { S = creatorId } }, ConsistentRead = true,
        }, ct);
        if (current.Item is not { Count: > 0 } item)
        {
            var missing = new CreatorNotFoundException(creatorId);
            await audit.RecordFailureAsync(actor, action, creatorId, missing.Message, after: value);
            throw missing;
        }
        var before = item.TryGetValue(attribute, out var b) ? b.S : null;
        if (before == value) return;
        var entry = audit.Entry(actor, action, $"{Str(item, "slug")} ({creatorId})", before, value);
        var update = new Update
        {
            TableName = schema.Creators.Name,
            Key = new() { ["id"] = new AttributeValue { S = creatorId } },
            UpdateExpression = "SET #a = :v, updatedAt = :now",
            ConditionExpression = before is null ? "attribute_exists(id) AND attribute_not_exists(#a)" : "attribute_exists(id) AND #a = :before",
            ExpressionAttributeNames = new() { ["#a"] = attribute },
            ExpressionAttributeValues = new() { [":v"] = new AttributeValue { S = value }, [":now"] = new AttributeValue { S = CreatorMapper.Time(time.GetUtcNow()) } },
        };
        if (before is not null) update.ExpressionAttributeValues[":before"] = new AttributeValue { S = before };
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new() { Update = update }, .. await audit.TransactItemsAsync(entry, ct)] }, ct);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.FirstOrDefault()?.Code == "ConditionalCheckFailed")
        {
            var changed = new CreatorChangedException(creatorId, attribute);
            await audit.RecordFailureAsync(actor, action, entry.Target, changed.Message, before, value);
            throw changed;
        }
        catch (AmazonDynamoDBException e) when (e is not TransactionCanceledException)
        {
            await audit.RecordFailureAsync(actor, action, entry.Target, e.Message, before, value);
            throw;
        }
    }

    private QueryRequest ByCreator(string creatorId) => new()
    {
        TableName = schema.Products.Name,
        IndexName = PlatformSchema.CreatorIdIndex,
        KeyConditionExpression = "creatorId = :c",
        ExpressionAttributeValues = new() { [":c"] = new AttributeValue { S = creatorId } },
    };

    private static string Str(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var v) && v.S is { } s ? s : "";
}

public sealed class CreatorNotFoundException(string slugOrId) : Exception($"No creator '{slugOrId}'.");

public sealed class CreatorChangedException(string creatorId, string attribute)
    : Exception($"The creator {creatorId} was deleted, or its {attribute} changed, while this change was made; nothing was written. Reload and try again.");
