using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Creators;

public enum LinkageState { Linked, Unlinked, HoldsUsername, UserMissing, UserDisabled }

/// <summary>How a creator is tied to its Cognito user; <see cref="Fix"/> says what <see cref="LinkageService.FixAsync"/> would do, null when nothing.</summary>
public sealed record CreatorLinkage(Creator Creator, LinkageState State, CognitoUser? User, bool InGroup, string Detail, string? Fix)
{
    public bool IsBroken => State is LinkageState.UserMissing or LinkageState.UserDisabled or LinkageState.HoldsUsername;
}

/// <summary>The link, and the access it granted: the groups and creator id the platform needs (see <see cref="AccessGrant"/>).</summary>
public sealed record LinkResult(Creator Creator, CognitoUser User, AccessGrant Access);

/// <summary>
/// The guide's step 8.3, done right: a creator's userId is its user's <c>sub</c> (the JWT claim the backend reads),
/// never the Username the guide stored (DESIGN.md trap 5).
/// </summary>
public sealed class LinkageService(CreatorStore store, CreatorDirectory directory, CognitoUsers users, CreatorsGroupService group, IOptions<PlatformOptions> options,
    AdminAuthorizer authorizer, AccessEnsureService access)
{
    /// <summary>
    /// The creator's linkage from a few lookups by key, whatever the size of the pool: its user by <c>sub</c> (one filtered
    /// ListUsers) and that user's groups; for a userId that is no sub, the user of that Username; for an unlinked creator,
    /// the user it obviously belongs to. <paramref name="groupExists"/> is read once per view by the caller.
    /// </summary>
    public async Task<CreatorLinkage> AssessAsync(Creator creator, bool groupExists, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(creator.UserId))
        {
            var candidate = await CandidateAsync(creator, ct);
            return new(creator, LinkageState.Unlinked, null, false, "No user linked.",
                candidate is null ? null : $"Link {candidate.Username} (sub {candidate.Sub}) and add it to the group.");
        }
        if (await users.FindBySubAsync(creator.UserId, ct) is { } user)
        {
            var inGroup = groupExists && await group.IsMemberAsync(user.Username, ct);
            if (!user.Enabled)
                return new(creator, LinkageState.UserDisabled, user, inGroup, $"The linked user {user.Username} is disabled.", null);
            return new(creator, LinkageState.Linked, user, inGroup, $"Linked to {user.Username}.",
                inGroup || !groupExists ? null : $"Add {user.Username} to the group.");
        }
        if (!creator.UserId.Contains('@') && await users.FindAsync(creator.UserId, ct) is { } named && named.Username == creator.UserId)
            return new(creator, LinkageState.HoldsUsername, named, groupExists && await group.IsMemberAsync(named.Username, ct),
                $"userId holds the Username '{named.Username}', not its sub.", $"Store the sub {named.Sub} instead.");
        return new(creator, LinkageState.UserMissing, null, false, $"userId '{creator.UserId}' names no user in the pool.", null);
    }

    public async Task<CreatorLinkage> GetAsync(string slug, CancellationToken ct)
    {
        var creator = SingleBySlugAsync(slug, ct);
        var exists = (await group.GetStateAsync(ct)).Exists;
        return await AssessAsync(await creator, exists, ct);
    }

    /// <summary>Links the creator to the user found by Username or e-mail, storing the user's sub.</summary>
    public async Task<LinkResult> LinkAsync(string slug, string usernameOrEmail, CancellationToken ct)
    {
        authorizer.DemandAdmin($"Link {slug} to {usernameOrEmail}");
        var creator = await SingleBySlugAsync(slug, ct);
        var user = await users.FindAsync(usernameOrEmail, ct) ?? throw new LinkageException($"No user '{usernameOrEmail}' in the pool.");
        return await LinkAsync(creator, user, ct);
    }

    public async Task<LinkResult> LinkAsync(Creator creator, CognitoUser user, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(user.Sub)) throw new LinkageException($"Cognito returned {user.Username} without a sub.");
        var others = (await directory.FindByUserIdAsync(user.Sub, ct)).Where(c => c.Id != creator.Id).ToList();
        if (others.Count > 0)
            throw new LinkageException($"{user.Username} is already linked to the creator '{others[0].Slug}'; a user owns one creator.");
        if (creator.UserId != user.Sub) await directory.SetUserIdAsync(creator.Id, user.Sub, ct);
        var linked = creator with { UserId = user.Sub };
        return new(linked, user, await access.GrantAsync(linked, user, ct));
    }

    /// <summary>Does what <see cref="CreatorLinkage.Fix"/> says: relinks by sub and adds the user to the group.</summary>
    public async Task<CreatorLinkage> FixAsync(string slug, CancellationToken ct)
    {
        authorizer.DemandAdmin($"Fix the linkage of {slug}");
        var linkage = await GetAsync(slug, ct);
        if (linkage.Fix is null) throw new LinkageException($"Nothing the console can fix by itself: {linkage.Detail}");
        var user = linkage.User ?? await CandidateAsync(linkage.Creator, ct);
        if (user is null) throw new LinkageException(linkage.Detail);
        await LinkAsync(linkage.Creator, user, ct);
        if (!linkage.InGroup) await group.AddAsync(user.Username, ct);
        return await GetAsync(slug, ct);
    }

    public async Task<Creator> SingleBySlugAsync(string slug, CancellationToken ct) =>
        (await store.FindBySlugAsync(slug, ct)) switch
        {
            [] => throw new CreatorNotFoundException(slug),
            [var one] => one,
            var many => throw new LinkageException($"{many.Count} creators share the slug '{slug}'; repair that first (see the consistency report)."),
        };

    /// <summary>The user an unlinked creator obviously belongs to: the configured default creator's user, or a user named like the slug.</summary>
    private async Task<CognitoUser?> CandidateAsync(Creator creator, CancellationToken ct)
    {
        var defaults = options.Value.DefaultCreator;
        var username = creator.Slug == defaults.Slug ? defaults.Username : creator.Slug;
        return await users.FindAsync(username, ct) is { Enabled: true } user && user.Username == username ? user : null;
    }
}

public sealed class LinkageException(string message) : Exception(message);
