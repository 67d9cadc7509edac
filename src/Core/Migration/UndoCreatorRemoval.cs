using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

public enum CreatorRemovalOutcome { Removed, WouldRemove, Kept, AlreadyGone }

/// <summary>What undo did with the default creator its run created; <see cref="Detail"/> says why it was kept.</summary>
public sealed record CreatorRemoval(string CreatorId, CreatorRemovalOutcome Outcome, string Detail);

/// <summary>
/// Removes the default creator a migration run created, with its slug reservation, in one transaction with its audit
/// entry; only while nothing refers to it: a product (through creatorId-index, each hit read back), a linked user, or the
/// default user's membership of the creator groups. Anything it cannot check keeps the creator.
/// </summary>
public sealed class UndoCreatorRemoval(IAmazonDynamoDB dynamoDb, PlatformSchema schema, CreatorStore creators, ICognitoClient cognito, UserPoolLocator pools,
    AuditLog audit, IOptions<PlatformOptions> options)
{
    /// <summary><paramref name="restoring"/>: products a dry run would put back, whose creatorId then no longer refers to the creator.</summary>
    public async Task<CreatorRemoval> RemoveAsync(JobContext job, JournaledRun run, bool dryRun, IReadOnlySet<string> restoring, CancellationToken ct)
    {
        var creatorId = run.CreatedCreatorId!;
        var creator = await creators.FindByIdAsync(creatorId, ct);
        if (creator is null) return new(creatorId, CreatorRemovalOutcome.AlreadyGone, "The creator the run created is already gone.");
        var reason = NotTheRunsCreator(creator, run)
            ?? (creator.UserId is { Length: > 0 } user ? $"it is linked to the user {user}" : null)
            ?? await ProductReferenceAsync(creatorId, restoring, ct) ?? await AnalyticsReferenceAsync(creatorId, ct) ?? await GroupReferenceAsync(ct);
        if (reason is not null) return new(creatorId, CreatorRemovalOutcome.Kept, $"The creator {creator.Slug} ({creatorId}) stays: {reason}.");
        if (dryRun)
            return new(creatorId, CreatorRemovalOutcome.WouldRemove, $"The creator {creator.Slug} ({creatorId}) the run created would be removed, with its slug reservation.");
        var entry = audit.Entry(job.Actor, AuditActions.CreatorRemovedByUndo, $"{creator.Slug} ({creator.Id})", before: $"{creator.DisplayName}, status {creator.Status}",
            detail: "created by the migration run that was undone", jobId: job.RunId);
        var id = new Dictionary<string, AttributeValue> { [":id"] = new() { S = creatorId } };
        // Deleted only while it is still the creator the journal recorded, if it recorded one.
        var recorded = run is { CreatedCreatorSlug: { } slug, CreatedCreatorAt: { } at }
            ? new Dictionary<string, AttributeValue> { [":slug"] = new() { S = slug }, [":at"] = new() { S = at } } : null;
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Delete = new Delete { TableName = schema.Creators.Name, Key = new() { ["id"] = new() { S = creatorId } },
                        ConditionExpression = "attribute_exists(id) AND attribute_not_exists(userId)"
                            + (recorded is null ? "" : " AND slug = :slug AND createdAt = :at"),
                        ExpressionAttributeValues = recorded } },
                    new() { Delete = new Delete { TableName = schema.Ops.Name, Key = CreatorStore.SlugReservationKey(creator.Slug),
                        ConditionExpression = "attribute_not_exists(pk) OR creatorId = :id", ExpressionAttributeValues = id } },
                    .. await audit.TransactItemsAsync(entry, ct),
                ],
                ClientRequestToken = entry.Id,
            }, CancellationToken.None);
        }
        catch (TransactionCanceledException)
        {
            return new(creatorId, CreatorRemovalOutcome.Kept,
                $"The creator {creator.Slug} ({creatorId}) stays: it was linked, or its slug reserved for another creator, while undo ran.");
        }
        return new(creatorId, CreatorRemovalOutcome.Removed, $"✓ Removed the creator {creator.Slug} ({creatorId}) the run created, with its slug reservation.");
    }

    /// <summary>
    /// The creator under the journal's id is not the one the run recorded creating (another slug or creation time): the
    /// refusal, saying nothing was changed, or null. Checked before undo writes anything; journals without the record pass.
    /// </summary>
    public async Task<string?> JournalMismatchAsync(JournaledRun run, CancellationToken ct)
    {
        if (run is not { CreatedCreatorId: { } id, CreatedCreatorSlug: { } slug, CreatedCreatorAt: { } at }) return null;
        if (await creators.FindByIdAsync(id, ct) is not { } creator) return null;
        var createdAt = CreatorMapper.Time(creator.CreatedAt);
        if (creator.Slug == slug && createdAt == at) return null;
        return $"Undo refused: the journal of run {run.RunId} says it created the creator {id} as {slug} at {at}, but the creator under that id is "
            + $"{creator.Slug}, created {createdAt}. The journal is not trusted with it, so nothing was changed; check the journal item of run {run.RunId}.";
    }

    /// <summary>
    /// Journals of console versions that did not record the slug and creation time name the creator by id only: the
    /// creator under that id must also be the one a run makes (the default creator's slug) and made during that run, or
    /// the journal is not trusted with it.
    /// </summary>
    private string? NotTheRunsCreator(Creator creator, JournaledRun run)
    {
        var slug = options.Value.DefaultCreator.Slug;
        if (creator.Slug != slug) return $"the journal of run {run.RunId} names it, but its slug is not the default creator's {slug}, so the journal is not trusted with it";
        return creator.CreatedAt < run.StartedAt - CreatedClockSkew
            ? $"it was created {creator.CreatedAt:yyyy-MM-dd HH:mm:ss} UTC, before run {run.RunId} started ({run.StartedAt:yyyy-MM-dd HH:mm:ss} UTC), so that run did not create it"
            : null;
    }

    // Two processes' clocks (the run's start, the creator's createdAt) may differ a little.
    private static readonly TimeSpan CreatedClockSkew = TimeSpan.FromMinutes(1);

    /// <summary>Analytics events or summaries under the creator's id would be left without a creator.</summary>
    private async Task<string?> AnalyticsReferenceAsync(string creatorId, CancellationToken ct)
    {
        foreach (var table in new[] { schema.AnalyticsEvents, schema.AnalyticsSummaries })
        {
            try
            {
                var hit = await dynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = table.Name, KeyConditionExpression = "creatorId = :id", Limit = 1, ProjectionExpression = "creatorId",
                    ExpressionAttributeValues = new() { [":id"] = new() { S = creatorId } },
                }, ct);
                if (hit.Items is { Count: > 0 }) return $"{table.Name} still holds its analytics";
            }
            catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
            {
                // No such table: nothing in it refers to the creator.
            }
        }
        return null;
    }

    private async Task<string?> ProductReferenceAsync(string creatorId, IReadOnlySet<string> restoring, CancellationToken ct)
    {
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            QueryResponse hits;
            try
            {
                hits = await dynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = schema.Products.Name, IndexName = PlatformSchema.CreatorIdIndex, KeyConditionExpression = "creatorId = :id", Limit = 100,
                    ProjectionExpression = "id", ExclusiveStartKey = start, ExpressionAttributeValues = new() { [":id"] = new() { S = creatorId } },
                }, ct);
            }
            catch (AmazonDynamoDBException e) when (e is Amazon.DynamoDBv2.Model.ResourceNotFoundException || e.ErrorCode == "ValidationException")
            {
                return $"{PlatformSchema.CreatorIdIndex} is missing, so the products that refer to it cannot be looked up";
            }
            // The index follows the table with a short lag: a hit counts only if the product still says so.
            foreach (var id in (hits.Items ?? []).Select(i => i.GetValueOrDefault("id")?.S).OfType<string>().Where(id => !restoring.Contains(id)))
            {
                var product = (await dynamoDb.GetItemAsync(new GetItemRequest
                {
                    TableName = schema.Products.Name, Key = new() { ["id"] = new() { S = id } }, ConsistentRead = true, ProjectionExpression = "creatorId",
                }, ct)).Item;
                if (product?.GetValueOrDefault("creatorId")?.S == creatorId) return $"the product {id} refers to it";
            }
            start = hits.LastEvaluatedKey is { Count: > 0 } k ? k : null;
        } while (start is not null);
        return null;
    }

    private async Task<string?> GroupReferenceAsync(CancellationToken ct)
    {
        var username = options.Value.DefaultCreator.Username;
        var wanted = new[] { options.Value.CreatorsGroup.Name, options.Value.CreatorAccess.CreatorRoleGroup };
        try
        {
            var pool = await pools.GetAsync(ct);
            var groups = await cognito.AdminListGroupsForUserAsync(new AdminListGroupsForUserRequest { UserPoolId = pool.Id, Username = username, Limit = 60 }, ct);
            var member = (groups.Groups ?? []).Select(g => g.GroupName).OfType<string>().Where(wanted.Contains).ToList();
            return member.Count > 0 ? $"its user {username} is in the group {string.Join(" and ", member)}" : null;
        }
        catch (UserNotFoundException)
        {
            return null;
        }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException or UserPoolNotFoundException)
        {
            return $"the group membership of its user {username} could not be checked ({e.Message})";
        }
    }
}
