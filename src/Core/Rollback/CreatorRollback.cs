using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Rollback;

public enum CreatorUndo { Ungroup, Unlink, Disable }

/// <summary>What one way back did: each change as a sentence (empty when it found nothing to change), and the state the creator is now in.</summary>
public sealed record CreatorUndoResult(CreatorUndo Kind, IReadOnlyList<string> Changed, string ReturnsTo)
{
    public bool ChangedNothing => Changed.Count == 0;
}

/// <summary>One way back as the creator's page offers it: whether it applies now, and if not, why.</summary>
public sealed record CreatorUndoOption(CreatorUndo Kind, string Title, string ReturnsTo, string? NotNow)
{
    public bool Available => NotNow is null;
}

/// <summary>
/// The way back from each creator step, one action each: remove the user from the creator groups (step 8.2/8.4),
/// clear the userId (step 8.3), disable the creator. Each changes exactly what it says, is audited with before and
/// after, and is a no-op when there is nothing to undo.
/// </summary>
public sealed class CreatorRollback(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time, AuditLog audit, LinkageService linkage,
    CreatorDirectory directory, ICognitoClient cognito, UserPoolLocator pools, PoolAccess poolAccess)
{
    /// <summary>The state each action returns the creator to, for the page and the CLI to say before and after.</summary>
    public string ReturnsTo(CreatorUndo kind) => kind switch
    {
        CreatorUndo.Ungroup => $"in neither {string.Join(" nor ", poolAccess.CreatorGroups)}: the backend treats the user as a viewer and the frontend shows no creator screens "
            + $"(before steps 8.2 and 8.4). {poolAccess.Access.CreatorIdClaim} stays on the user; without the creator role it grants nothing.",
        CreatorUndo.Unlink => "not linked: no userId, so the platform finds no creator for the user's sub (before step 8.3). The user stays in its groups.",
        CreatorUndo.Disable => $"status {Creator.Disabled}: the creator's page and products stop showing on the platform; Enable brings them back. Nothing else changes.",
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>The three ways back for the creator as it is, in the order they must run (ungroup needs the link).</summary>
    public IReadOnlyList<CreatorUndoOption> OptionsFor(CreatorLinkage linkage) =>
    [
        new(CreatorUndo.Ungroup, "Remove from groups", ReturnsTo(CreatorUndo.Ungroup),
            linkage.User is null ? "No linked user whose groups the console knows." : null),
        new(CreatorUndo.Unlink, "Unlink", ReturnsTo(CreatorUndo.Unlink), string.IsNullOrEmpty(linkage.Creator.UserId) ? "Not linked." : null),
        new(CreatorUndo.Disable, "Disable", ReturnsTo(CreatorUndo.Disable), linkage.Creator.Status == Creator.Disabled ? "Already disabled." : null),
    ];

    public Task<CreatorUndoResult> RunAsync(CreatorUndo kind, string slug, CancellationToken ct) => kind switch
    {
        CreatorUndo.Ungroup => UngroupAsync(slug, ct),
        CreatorUndo.Unlink => UnlinkAsync(slug, ct),
        CreatorUndo.Disable => DisableAsync(slug, ct),
        _ => throw new ArgumentOutOfRangeException(nameof(kind)),
    };

    /// <summary>Removes the linked user from the backend's creator group and the frontend's group; needs the link, so it comes before unlink.</summary>
    public async Task<CreatorUndoResult> UngroupAsync(string slug, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Remove {slug}'s user from the creator groups");
        var creator = await linkage.SingleBySlugAsync(slug, ct);
        if (string.IsNullOrEmpty(creator.UserId))
            throw
                new
                    LinkageException($"{slug} has no linked user, so the console does not know whose groups to change. Remove the user from the groups on the Creators page's " +
                        $"Group tab.");
        var poolId = (await pools.GetAsync(ct)).Id;
        var user = (await cognito.ListAllUsersAsync(poolId, CognitoFilters.AttributeEquals("sub", creator.UserId), ct)) is [var one] ? CognitoUser.From(one)
            : throw new LinkageException($"{slug}'s userId '{creator.UserId}' names no user in the pool; there is no membership to remove.");
        var memberOf = (await cognito.ListAllGroupsForUserAsync(poolId, user.Username, ct)).Select(g => g.GroupName).ToHashSet();
        var changed = new List<string>();
        foreach (var group in poolAccess.CreatorGroups.Where(memberOf.Contains))
        {
            await audit.RecordAsync(actor, AuditActions.MemberRemoved, user.Username,
                () => cognito.AdminRemoveUserFromGroupAsync(new() { UserPoolId = poolId, Username = user.Username, GroupName = group }, ct),
                _ => audit.Entry(actor, AuditActions.MemberRemoved, user.Username, before: $"member of {group}", after: $"not a member of {group}",
                    detail: $"creator {slug}, sub {user.Sub}; rollback"), ct);
            changed.Add($"removed {user.Username} from {group}");
        }
        return new(CreatorUndo.Ungroup, changed, ReturnsTo(CreatorUndo.Ungroup));
    }

    /// <summary>Clears the userId, conditioned on it still being the one read, in one transaction with its audit entry.</summary>
    public async Task<CreatorUndoResult> UnlinkAsync(string slug, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Unlink {slug}");
        var creator = await linkage.SingleBySlugAsync(slug, ct);
        if (string.IsNullOrEmpty(creator.UserId)) return new(CreatorUndo.Unlink, [], ReturnsTo(CreatorUndo.Unlink));
        var entry = audit.Entry(actor, AuditActions.CreatorUnlinked, $"{slug} ({creator.Id})", before: $"userId {creator.UserId}", after: "no userId");
        var update = new Update
        {
            TableName = schema.Creators.Name,
            Key = new() { ["id"] = new AttributeValue { S = creator.Id } },
            UpdateExpression = "REMOVE userId SET updatedAt = :now",
            ConditionExpression = "userId = :before",
            ExpressionAttributeValues = new()
            {
                [":before"] = new AttributeValue { S = creator.UserId },
                [":now"] = new AttributeValue { S = CreatorMapper.Time(time.GetUtcNow()) },
            },
        };
        try
        {
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [new() { Update = update }, .. await audit.TransactItemsAsync(entry, ct)] }, ct);
        }
        catch (TransactionCanceledException e) when (e.CancellationReasons?.FirstOrDefault()?.Code == "ConditionalCheckFailed")
        {
            var changedMeanwhile = new CreatorChangedException(creator.Id, "userId");
            await audit.RecordFailureAsync(actor, AuditActions.CreatorUnlinked, entry.Target, changedMeanwhile.Message, entry.Before, entry.After);
            throw changedMeanwhile;
        }
        return new(CreatorUndo.Unlink, [$"cleared the userId {creator.UserId}"], ReturnsTo(CreatorUndo.Unlink));
    }

    /// <summary>Sets the platform's own "disabled" status; <see cref="CreatorDirectory.SetStatusAsync"/> audits it with before and after.</summary>
    public async Task<CreatorUndoResult> DisableAsync(string slug, CancellationToken ct)
    {
        audit.DemandAdmin($"Disable {slug}");
        var creator = await linkage.SingleBySlugAsync(slug, ct);
        if (creator.Status == Creator.Disabled) return new(CreatorUndo.Disable, [], ReturnsTo(CreatorUndo.Disable));
        await directory.SetStatusAsync(creator.Id, Creator.Disabled, ct);
        return new(CreatorUndo.Disable, [$"status {creator.Status} → {Creator.Disabled}"], ReturnsTo(CreatorUndo.Disable));
    }
}
