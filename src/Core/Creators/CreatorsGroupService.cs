using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Creators;

/// <summary>The group as it is; <see cref="Drift"/> lists how an existing group differs from the settings.</summary>
public sealed record GroupState(string Name, GroupType? Group, IReadOnlyList<string> Drift)
{
    public bool Exists => Group is not null;
}

public sealed record GroupEnsureResult(GroupType Group, bool Created, IReadOnlyList<string> Drift);

/// <summary>A member of the group and the creator whose userId is its sub, if any.</summary>
public sealed record GroupMember(CognitoUser User, Creator? Creator);

public enum MemberOutcome { Added, AlreadyMember, NoSuchUser, Removed, NotAMember, Failed }

public sealed record MemberResult(string Input, MemberOutcome Outcome, string? Username, string Detail);

/// <summary>The guide's step 8.1 and 8.2: the Creators group and its members.</summary>
public sealed class CreatorsGroupService(ICognitoClient cognito, UserPoolLocator pools, CognitoUsers users, CreatorDirectory directory,
    IOptions<PlatformOptions> options, AuditLog audit, AccessEnsureService access, TimeProvider time)
{
    public CreatorsGroupOptions Settings => options.Value.CreatorsGroup;

    public async Task<GroupState> GetStateAsync(CancellationToken ct)
    {
        var pool = (await pools.GetAsync(ct)).Id;
        // Listing, not GetGroup: cognito-local answers GetGroup for a missing group with a 500.
        var group = (await cognito.ListAllGroupsAsync(pool, ct)).FirstOrDefault(g => g.GroupName == Settings.Name);
        return new(Settings.Name, group, group is null ? [] : DriftOf(group));
    }

    /// <summary>Creates the group unless it exists; an existing group is left as it is (a difference is reported as drift, not overwritten).</summary>
    public async Task<GroupEnsureResult> EnsureAsync(CancellationToken ct)
    {
        var actor = audit.DemandAdmin("Ensure the Creators group");
        return await audit.RecordAsync(actor, AuditActions.GroupCreated, Settings.Name, async () =>
        {
            var pool = (await pools.GetAsync(ct)).Id;
            var ensured = await cognito.EnsureGroupAsync(pool, Settings.Name, Settings.Description, Settings.Precedence, ct);
            return new GroupEnsureResult(ensured.Group, ensured.Created, DriftOf(ensured.Group));
        }, r => r.Created ? audit.Entry(actor, AuditActions.GroupCreated, Settings.Name,
            after: $"description \"{Settings.Description}\", precedence {Settings.Precedence}") : null, ct);
    }

    /// <summary>
    /// Every member with its creator, for the command line's <c>group list</c> (the page shows one page): a page of the
    /// group at a time, each member's creator by userId-index, under <paramref name="pace"/>' rates; <paramref name="progress"/>
    /// hears after each page how many are listed.
    /// </summary>
    public async Task<IReadOnlyList<GroupMember>> ListMembersAsync(Walk.WalkOptions pace, IProgress<string>? progress, CancellationToken ct)
    {
        var paced = new Walk.PacedCalls(pace, time, message => progress?.Report(message));
        var all = new List<GroupMember>();
        string? token = null;
        do
        {
            await paced.Cognito.TakeAsync(1, ct);
            await paced.DynamoDb.TakeAsync(CreatorListQuery.PageSize, ct);
            var (members, next) = await paced.PatientlyAsync(() => ListMembersPageAsync(token, ct), ct);
            all.AddRange(members);
            progress?.Report($"Listed {all.Count:N0} members.");
            token = next;
        } while (token is not null);
        return all.OrderBy(m => m.User.Username, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// One page of the group's members (50, as the creators list) with
    /// the creator each one's sub belongs to, through userId-index; <c>Next</c> is null on the last page.
    /// </summary>
    public async Task<(IReadOnlyList<GroupMember> Members, string? Next)> ListMembersPageAsync(string? token, CancellationToken ct)
    {
        const int pageSize = CreatorListQuery.PageSize;
        var pool = (await pools.GetAsync(ct)).Id;
        // cognito-local ignores Limit and answers every member without a token: the console pages that answer itself,
        // with a token of its own that says how many to skip, so the sandbox's group pages as Cognito's does.
        var skip = token?.StartsWith(SkipToken, StringComparison.Ordinal) == true && int.TryParse(token[SkipToken.Length..], out var n) ? n : 0;
        ListUsersInGroupResponse page;
        try
        {
            page = await cognito.ListUsersInGroupAsync(new() { UserPoolId = pool, GroupName = Settings.Name, Limit = pageSize, NextToken = skip > 0 ? null : token }, ct);
        }
        catch (Aws.ResourceNotFoundException)
        {
            // Cognito's own words are "Group not found": say which group, and how to make it.
            throw new GroupMissingException(Settings.Name);
        }
        var answered = page.Users ?? [];
        var users = answered.Skip(skip).Take(pageSize).Select(CognitoUser.From).ToList();
        var next = !string.IsNullOrEmpty(page.NextToken) ? page.NextToken : answered.Count > skip + pageSize ? $"{SkipToken}{skip + pageSize}" : null;
        var members = new GroupMember[users.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, users.Count), new ParallelOptions { MaxDegreeOfParallelism = 8, CancellationToken = ct },
            async (i, t) => members[i] = new GroupMember(users[i], await LinkedCreatorAsync(users[i].Sub, t)));
        return (members.OrderBy(m => m.User.Username, StringComparer.Ordinal).ToList(), next);
    }

    private const string SkipToken = "console-skip:";

    /// <summary>The creator linked to this sub; none before CreatorsTable exists (the group can be made before the schema).</summary>
    private async Task<Creator?> LinkedCreatorAsync(string sub, CancellationToken ct)
    {
        if (sub.Length == 0) return null;
        try { return await directory.FindByUserIdAsync(sub, ct) is [var creator, ..] ? creator : null; }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; }
    }

    /// <summary>Every member of the group: for the consistency walk, never a view (the group holds every creator's user).</summary>
    public async Task<IReadOnlyList<CognitoUser>> MemberUsersAsync(CancellationToken ct) => await ListMemberUsersAsync((await pools.GetAsync(ct)).Id, ct);

    public async Task<bool> IsMemberAsync(string username, CancellationToken ct)
    {
        var pool = (await pools.GetAsync(ct)).Id;
        return (await cognito.ListAllGroupsForUserAsync(pool, username, ct)).Any(g => g.GroupName == Settings.Name);
    }

    public async Task<MemberResult> AddAsync(string usernameOrEmail, CancellationToken ct) => (await AddManyAsync([usernameOrEmail], ct)).Single();

    /// <summary>Adds each line (usernames or e-mails, separated by new lines, commas or spaces) and says what happened to each.</summary>
    public Task<IReadOnlyList<MemberResult>> BulkAddAsync(string pasted, CancellationToken ct) =>
        AddManyAsync(pasted.Split(['\n', '\r', ',', ';', ' ', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Distinct(StringComparer.OrdinalIgnoreCase).ToList(), ct);

    public async Task<MemberResult> RemoveAsync(string usernameOrEmail, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Remove {usernameOrEmail} from the group");
        var pool = (await RequireGroupAsync(ct)).Id;
        var user = await users.FindAsync(usernameOrEmail, ct);
        if (user is null) return new(usernameOrEmail, MemberOutcome.NoSuchUser, null, "No such user in the pool.");
        if (!await IsMemberAsync(user.Username, ct)) return new(usernameOrEmail, MemberOutcome.NotAMember, user.Username, "Not a member.");
        await audit.RecordAsync(actor, AuditActions.MemberRemoved, user.Username,
            () => cognito.AdminRemoveUserFromGroupAsync(new() { UserPoolId = pool, Username = user.Username, GroupName = Settings.Name }, ct),
            _ => audit.Entry(actor, AuditActions.MemberRemoved, user.Username, before: $"member of {Settings.Name}", detail: $"sub {user.Sub}"), ct);
        return new(usernameOrEmail, MemberOutcome.Removed, user.Username, $"Removed {user.Username} from {Settings.Name}.");
    }

    private async Task<IReadOnlyList<MemberResult>> AddManyAsync(IReadOnlyList<string> inputs, CancellationToken ct)
    {
        var actor = audit.DemandAdmin($"Add {string.Join(", ", inputs)} to the group");
        var pool = (await RequireGroupAsync(ct)).Id;
        // Each input's own membership, not the group's member list: the group holds every creator's user.
        var added = new HashSet<string>(StringComparer.Ordinal);
        var results = new List<MemberResult>();
        foreach (var input in inputs)
        {
            try
            {
                var user = await users.FindAsync(input, ct);
                if (user is null) results.Add(new(input, MemberOutcome.NoSuchUser, null, "No such user in the pool."));
                else if (!added.Add(user.Username) || await IsMemberAsync(user.Username, ct))
                    results.Add(new(input, MemberOutcome.AlreadyMember, user.Username, "Already a member." + await GrantAsync(user, ct)));
                else
                {
                    await audit.RecordAsync(actor, AuditActions.MemberAdded, user.Username,
                        () => cognito.AdminAddUserToGroupAsync(new() { UserPoolId = pool, Username = user.Username, GroupName = Settings.Name }, ct),
                        _ => audit.Entry(actor, AuditActions.MemberAdded, user.Username, after: $"member of {Settings.Name}", detail: $"sub {user.Sub}"), ct);
                    results.Add(new(input, MemberOutcome.Added, user.Username, $"Added {user.Username} (sub {user.Sub})." + await GrantAsync(user, ct)));
                }
            }
            catch (Exception e) when (e is AwsServiceException or AmbiguousUserException)
            {
                results.Add(new(input, MemberOutcome.Failed, null, e.Message));
            }
        }
        return results;
    }

    /// <summary>For a user linked to a creator, the rest of what the platform needs (the backend's role group, the creator id), as a sentence.</summary>
    private async Task<string> GrantAsync(CognitoUser user, CancellationToken ct)
    {
        IReadOnlyList<Creator> linked;
        try
        {
            linked = user.Sub.Length == 0 ? [] : await directory.FindByUserIdAsync(user.Sub, ct);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return ""; // Before the migration there is no CreatorsTable, so no creator to grant anything to.
        }
        if (linked is not [var creator]) return "";
        var grant = await access.GrantAsync(creator, user, ct);
        var changed = grant.Changed.Count > 0 ? $" For {creator.Slug}: {string.Join("; ", grant.Changed)}." : "";
        return changed + (grant.Missing.Count > 0 ? $" Still missing for {creator.Slug} to work: {string.Join("; ", grant.Missing)}." : "");
    }

    private async Task<DiscoveredUserPool> RequireGroupAsync(CancellationToken ct)
    {
        if (!(await GetStateAsync(ct)).Exists) throw new GroupMissingException(Settings.Name);
        return await pools.GetAsync(ct);
    }

    private async Task<IReadOnlyList<CognitoUser>> ListMemberUsersAsync(string pool, CancellationToken ct) =>
        (await cognito.ListAllUsersInGroupAsync(pool, Settings.Name, ct)).Select(CognitoUser.From).ToList();

    private List<string> DriftOf(GroupType group)
    {
        var drift = new List<string>();
        if (group.Description != Settings.Description)
            drift.Add($"Description is \"{group.Description}\", expected \"{Settings.Description}\".");
        if (group.Precedence != Settings.Precedence)
            drift.Add($"Precedence is {group.Precedence?.ToString() ?? "not set"}, expected {Settings.Precedence}.");
        return drift;
    }
}

/// <summary>The Creators group does not exist yet; the message says where to create it.</summary>
public sealed class GroupMissingException(string group)
    : Exception($"The Cognito group '{group}' does not exist. Create it first: Creators page → Group → Ensure group.");
