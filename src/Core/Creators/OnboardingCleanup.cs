using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// Takes back what an unfinished onboarding wrote, and nothing it did not: the group membership it added, the user it
/// created, the creator record with its slug reservation. Each change is audited; each returns the sentence saying it.
/// </summary>
public sealed class OnboardingCleanup(IAmazonDynamoDB dynamoDb, PlatformSchema schema, CreatorsGroupService group, CognitoUsers users,
    ICognitoClient cognito, UserPoolLocator pools, OnboardingChecks checks, AuditLog audit)
{
    /// <summary>The membership and the user the onboarding added, so that another user can take the user's place.</summary>
    public async Task<IReadOnlyList<string>> ReleaseUserAsync(OnboardingProgress p, CancellationToken ct)
    {
        var done = new List<string>();
        if (p.Username is null) return done;
        if (p.AddedToGroup == true && (await group.RemoveAsync(p.Username, ct)).Outcome == MemberOutcome.Removed)
            done.Add($"Removed {p.Username} from the {group.Settings.Name} group, which the onboarding had added it to.");
        if (p.CreatedUser == true && await users.FindAsync(p.Username, ct) is { } created)
        {
            if (await checks.LinkedElsewhereAsync(created, p.CreatorId, ct) is { } reason)
                throw new OnboardingException($"The user {created.Username} stays: {reason}");
            var actor = audit.DemandAdmin($"Delete the user {created.Username}");
            var pool = (await pools.GetAsync(ct)).Id;
            await audit.RecordAsync(actor, AuditActions.UserDeleted, created.Username,
                () => cognito.AdminDeleteUserAsync(new() { UserPoolId = pool, Username = created.Username }, ct),
                _ => audit.Entry(actor, AuditActions.UserDeleted, created.Username, before: $"user {created.Username} ({created.Email})",
                    detail: $"created by onboarding {p.Id}, sub {created.Sub}"), ct);
            done.Add($"Deleted the user {created.Username}, which the onboarding had created.");
        }
        return done;
    }

    /// <summary>Everything the onboarding wrote, newest first; a creator something else refers to stays, with the reason.</summary>
    public async Task<IReadOnlyList<string>> UndoAsync(OnboardingProgress p, CancellationToken ct)
    {
        var done = (await ReleaseUserAsync(p, ct)).ToList();
        if (p.IsDone(OnboardingStep.Creator)) done.Add(await RemoveCreatorAsync(p, ct));
        return done;
    }

    private async Task<string> RemoveCreatorAsync(OnboardingProgress p, CancellationToken ct)
    {
        var slug = p.Profile.Slug;
        if (await HasProductsAsync(p.CreatorId, ct))
            throw new OnboardingException($"The creator {slug} stays: products name it as their creator. Disable it on its page instead.");
        var actor = audit.DemandAdmin($"Abandon the onboarding of {slug}");
        var entry = audit.Entry(actor, AuditActions.CreatorCreateUndone, $"{slug} ({p.CreatorId})", before: $"{p.Profile.DisplayName}, slug {slug} reserved",
            detail: $"onboarding {p.Id} abandoned");
        var values = new Dictionary<string, AttributeValue> { [":id"] = new() { S = p.CreatorId }, [":sub"] = new() { S = p.Sub ?? "" } };
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest
            {
                TransactItems =
                [
                    new() { Delete = new Delete { TableName = schema.Creators.Name, Key = new() { ["id"] = new() { S = p.CreatorId } },
                        ConditionExpression = "attribute_not_exists(userId) OR userId = :sub", ExpressionAttributeValues = new() { [":sub"] = values[":sub"] } } },
                    new() { Delete = new Delete { TableName = schema.Ops.Name, Key = CreatorStore.SlugReservationKey(slug),
                        ConditionExpression = "attribute_not_exists(pk) OR creatorId = :id", ExpressionAttributeValues = new() { [":id"] = values[":id"] } } },
                    .. await audit.TransactItemsAsync(entry, ct),
                ],
                ClientRequestToken = entry.Id,
            }, ct);
        }
        catch (TransactionCanceledException)
        {
            throw new OnboardingException($"The creator {slug} stays: it was linked to another user, or its slug reserved by another creator, meanwhile.");
        }
        return $"Removed the creator {slug} and released the slug '{slug}'.";
    }

    private async Task<bool> HasProductsAsync(string creatorId, CancellationToken ct)
    {
        var hits = await dynamoDb.QueryAsync(new QueryRequest
        {
            TableName = schema.Products.Name, IndexName = PlatformSchema.CreatorIdIndex, KeyConditionExpression = "creatorId = :id", Limit = 1,
            ProjectionExpression = "id", ExpressionAttributeValues = new() { [":id"] = new() { S = creatorId } },
        }, ct);
        return hits.Items is { Count: > 0 };
    }
}
