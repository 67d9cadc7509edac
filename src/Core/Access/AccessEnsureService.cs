using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Security;

namespace CreatorPlatform.Core.Access;

/// <summary>What granting access to one creator changed, and what is still missing for it to work.</summary>
public sealed record AccessGrant(IReadOnlyList<string> Changed, IReadOnlyList<string> Missing);

/// <summary>
/// <c>access ensure</c>: creates the groups the platform reads, adds the creator id attribute to the pool (which Cognito
/// can never undo), then brings every active creator's user into the creator groups and sets its creator id. Each
/// change is audited; a second run finds nothing to change.
/// </summary>
public sealed class AccessEnsureService(ICognitoClient cognito, PoolAccess poolAccess, CreatorDirectory directory, CognitoUsers users,
    AuditLog audit, AwsContext aws)
{
    public const string JobKind = "access-ensure";
    public const string Title = "Give creators access";

    public CreatorAccessOptions Settings => poolAccess.Access;
    public string FrontendGroup => poolAccess.Frontend.Name;

    /// <summary>In Mode=Aws the pool attribute, which can never be removed, is added only when the admin confirmed it.</summary>
    public bool NeedsConfirmation => !aws.IsSandbox;

    public async Task RunAsync(JobContext job, bool irreversibleConfirmed)
    {
        var ct = job.CancellationToken;
        var pool = await poolAccess.ReadAsync(ct);
        var changes = 0;
        foreach (var (name, description, precedence) in poolAccess.RequiredGroups.Where(g => pool.MissingGroups.Contains(g.Name)))
        {
            await audit.RecordAsync(job.Actor, AuditActions.GroupCreated, name,
                () => cognito.EnsureGroupAsync(pool.PoolId, name, description, precedence, ct),
                r => r.Created ? audit.Entry(job.Actor, AuditActions.GroupCreated, name, after: $"description \"{description}\"", jobId: job.RunId) : null, ct);
            job.Success($"✓ Created the group {name}.");
            job.Add("groups created");
            changes++;
        }
        if (!pool.HasCreatorIdAttribute)
        {
            if (NeedsConfirmation && !irreversibleConfirmed)
                throw
                    new
                        JobFailedException($"Adding {poolAccess.Access.CreatorIdClaim} to the user pool can never be undone: confirm it (type-to-confirm on the page, --yes on " +
                            $"the command line).");
            await AddAttributeAsync(job.Actor, pool.PoolId, job.RunId, ct);
            job.Success($"✓ Added {poolAccess.Access.CreatorIdClaim} to the user pool (permanent: Cognito cannot remove an attribute).");
            job.Add("attributes added");
            changes++;
        }

        // Page by page, each creator's user by sub: neither the creators nor the pool are held whole.
        string? cursor = null;
        do
        {
            var (page, next) = await directory.ListPageAsync(Creator.Active, cursor, CreatorListQuery.PageSize, ct);
            foreach (var creator in page.OrderBy(c => c.Slug, StringComparer.Ordinal))
                changes += await EnsureCreatorAsync(job, pool.PoolId, creator, ct);
            cursor = next;
        } while (cursor is not null);
        job.Info(changes == 0
            ? "Nothing to change: every group, the attribute and every linked creator's access were already in place."
            : "Done. Creators sign in again to get a token with the new groups and creator id.");
    }

    private async Task<int> EnsureCreatorAsync(JobContext job, string poolId, Creator creator, CancellationToken ct)
    {
        ct.ThrowIfCancellationRequested();
        if (creator.UserId is null || await users.FindBySubAsync(creator.UserId, ct) is not { } user)
        {
            job.Warning($"· {creator.Slug}: no linked user, nothing to grant. Link its user first.");
            job.Add("creators without a user");
            return 0;
        }
        var changed = await ApplyAsync(job.Actor, poolId, poolAccess.CreatorGroups, hasAttribute: true, creator, user, job.RunId, ct);
        foreach (var change in changed) job.Success($"✓ {creator.Slug}: {change}.");
        job.Add(changed.Count > 0 ? "creators changed" : "creators already right");
        return changed.Count;
    }

    /// <summary>For link, group add and onboarding: grants what the pool already allows, and says what access ensure must still do.</summary>
    public async Task<AccessGrant> GrantAsync(Creator creator, CognitoUser user, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Give {creator.Slug} access");
        var pool = await poolAccess.ReadAsync(ct);
        var missing = pool.MissingGroups.Where(poolAccess.CreatorGroups.Contains)
            .Select(g => $"the group '{g}' does not exist (Give creators access creates it)").ToList();
        if (!pool.HasCreatorIdAttribute)
            missing.Add($"the pool has no {poolAccess.Access.CreatorIdClaim} attribute, so the user's sign-in cannot carry the creator id (Give creators access adds it)");
        var groups = poolAccess.CreatorGroups.Where(g => !pool.MissingGroups.Contains(g)).ToList();
        var changed = await ApplyAsync(actor, pool.PoolId, groups, pool.HasCreatorIdAttribute, creator, user, null, ct);
        return new(changed, missing);
    }

    private async Task<List<string>> ApplyAsync(Actor actor, string poolId, IReadOnlyList<string> groups, bool hasAttribute, Creator creator, CognitoUser user,
        string? jobId, CancellationToken ct)
    {
        var changed = new List<string>();
        var memberOf = (await cognito.ListAllGroupsForUserAsync(poolId, user.Username, ct)).Select(g => g.GroupName).ToHashSet();
        foreach (var group in groups.Where(g => !memberOf.Contains(g)))
        {
            await audit.RecordAsync(actor, AuditActions.MemberAdded, user.Username,
                () => cognito.AdminAddUserToGroupAsync(new() { UserPoolId = poolId, Username = user.Username, GroupName = group }, ct),
                _ => audit.Entry(actor, AuditActions.MemberAdded, user.Username, after: $"member of {group}", detail: $"creator {creator.Slug}, sub {user.Sub}", jobId: jobId), ct);
            changed.Add($"added {user.Username} to {group}");
        }
        if (!hasAttribute) return changed;
        var claim = poolAccess.Access.CreatorIdClaim;
        var current = (await cognito.AdminGetUserAsync(new() { UserPoolId = poolId, Username = user.Username }, ct)).Attribute(claim);
        if (current == creator.Id) return changed;
        await audit.RecordAsync(actor, AuditActions.UserAttributeSet, user.Username,
            () => cognito.AdminUpdateUserAttributesAsync(new() { UserPoolId = poolId, Username = user.Username, UserAttributes = [new(claim, creator.Id)] }, ct),
            _ => audit.Entry(actor, AuditActions.UserAttributeSet, user.Username, before: $"{claim} {current ?? "(not set)"}", after: $"{claim} {creator.Id}",
                detail: $"creator {creator.Slug}", jobId: jobId), ct);
        changed.Add($"set {claim} of {user.Username} to {creator.Id}");
        return changed;
    }

    private async Task AddAttributeAsync(Actor actor, string poolId, string jobId, CancellationToken ct)
    {
        var access = poolAccess.Access;
        await audit.RecordAsync(actor, AuditActions.PoolAttributeAdded, poolId,
            () => cognito.AddCustomAttributesAsync(new()
            {
                UserPoolId = poolId,
                CustomAttributes = [new() { Name = access.CreatorIdAttribute, AttributeDataType = "String", Mutable = true, StringAttributeConstraints = new("1", "256") }],
            }, ct),
            _ => audit.Entry(actor, AuditActions.PoolAttributeAdded, poolId, before: "(absent)", after: $"{access.CreatorIdClaim} (String, mutable)",
                detail: "Cognito can never remove a custom attribute.", jobId: jobId), ct);
    }
}
