using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// The check after a creation: the platform's self-signup may have put a creator with the same slug between our look-up
/// and our transaction (it takes no reservation). Then our creator and its reservation are deleted again, audited, and
/// the creation fails: a shared slug is reported, never left behind silently.
/// </summary>
internal sealed class SlugRaceCheck(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AuditLog audit)
{
    public async Task CheckAfterCreateAsync(Creator created, Actor actor, CancellationToken ct)
    {
        var others = await OthersAsync(created, ct);
        if (others.Count == 0) return;
        var entry = audit.Entry(actor, AuditActions.CreatorCreateUndone, $"{created.Slug} ({created.Id})", before: $"{created.DisplayName}, status {created.Status}",
            detail: $"slug shared with {string.Join(", ", others.Select(o => o.Id))}, created outside the console");
        var reservation = CreatorStore.SlugReservationKey(created.Slug);
        await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems =
            [
                new() { Delete = new Delete { TableName = schema.Creators.Name, Key = new() { ["id"] = new() { S = created.Id } } } },
                new()
                {
                    Delete = new Delete
                    {
                        TableName = schema.Ops.Name, Key = reservation, ConditionExpression = "creatorId = :id",
                        ExpressionAttributeValues = new() { [":id"] = new() { S = created.Id } },
                    },
                },
                .. await audit.TransactItemsAsync(entry, ct),
            ],
            ClientRequestToken = entry.Id,
        }, CancellationToken.None);
        throw new SlugTakenException(created.Slug, $"Another creator ({string.Join(", ", others.Select(o => $"{o.Id}, {o.DisplayName}"))}) was created with the slug "
            + $"'{created.Slug}' at the same time, outside the console. The console's creator {created.Id} was removed again; choose another slug.");
    }

    private async Task<List<Creator>> OthersAsync(Creator created, CancellationToken ct)
    {
        var response = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Creators.Name, IndexName = PlatformSchema.SlugIndex, KeyConditionExpression = "slug = :slug",
            ExpressionAttributeValues = new() { [":slug"] = new AttributeValue { S = created.Slug } },
        }, ct);
        return (response.Items ?? []).Select(CreatorMapper.FromItem).Where(c => c.Id != created.Id).ToList();
    }
}
