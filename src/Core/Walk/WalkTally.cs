using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Walk;

/// <summary>
/// Adds up the walk one creator at a time: the counts, the first few creators that cannot work and the consistency
/// findings (the consistency report's, for every creator), and what the group's members are checked against at the end.
/// </summary>
public sealed class WalkTally(bool groupExists, string groupName)
{
    private readonly Lock gate = new();
    private readonly List<BlockedCreator> blocked = [];
    private readonly List<ConsistencyFinding> findings = groupExists ? [] : [new(ConsistencyKind.GroupMissing, $"The group '{groupName}' does not exist.", [])];
    private readonly Dictionary<string, List<string>> bySlug = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<(string Slug, string? Username)>> byUserId = new(StringComparer.Ordinal);
    private readonly HashSet<string> held = new(StringComparer.Ordinal);
    private int findingCount = groupExists ? 0 : 1;
    private bool ensureWouldChange;

    public int Creators { get; private set; }
    public int Active { get; private set; }
    public int ActiveCanWork { get; private set; }
    public int Unlinked { get; private set; }

    public void Add(CreatorLinkage linkage, CreatorAccess? access)
    {
        var creator = linkage.Creator;
        lock (gate)
        {
            Creators++;
            if (linkage.State == LinkageState.Unlinked) Unlinked++;
            (bySlug.TryGetValue(creator.Slug, out var ids) ? ids : bySlug[creator.Slug] = []).Add(creator.Id);
            if (creator.UserId is { } userId)
            {
                held.Add(userId);
                (byUserId.TryGetValue(userId, out var slugs) ? slugs : byUserId[userId] = []).Add((creator.Slug, linkage.User?.Username));
            }
            if (access is { Counts: true })
            {
                Active++;
                if (access.CanWork) ActiveCanWork++;
                else if (blocked.Count < PlatformFacts.ListLimit) blocked.Add(new(creator.Slug, access.Reason, access.Fix, access.FixedByEnsure));
                ensureWouldChange |= access.Problems.Any(PlatformAccessRules.FixedByEnsure);
            }
            if (Finding(linkage) is { } finding) Record(finding);
        }
    }

    /// <summary>A member of the group with no creator holding its sub (or, wrongly, its Username).</summary>
    public void Member(CognitoUser user)
    {
        lock (gate)
            if (!held.Contains(user.Sub) && !held.Contains(user.Username))
                Record(new(ConsistencyKind.MemberWithoutCreator, $"Group member {user.Username} has no creator record.", [], user.Username));
    }

    public PlatformFacts Build(string runId, string startedBy, DateTimeOffset started, DateTimeOffset finished, PoolAccessState pool, PlatformFreshness freshness)
    {
        lock (gate)
        {
            foreach (var (userId, shared) in byUserId.Where(p => p.Value.Count > 1))
                Record(new(ConsistencyKind.SharedUserId, $"{shared.Count} creators share the userId {userId}: {string.Join(", ", shared.Select(s => s.Slug))}.",
                    shared.Select(s => s.Slug).ToList(), shared.Select(s => s.Username).FirstOrDefault(u => u is not null)));
            foreach (var (slug, ids) in bySlug.Where(p => p.Value.Count > 1))
                Record(new(ConsistencyKind.DuplicateSlug, $"{ids.Count} creators share the slug '{slug}' (ids {string.Join(", ", ids)}).", [slug]));
            var wouldChange = ensureWouldChange || pool.MissingGroups.Count > 0 || !pool.HasCreatorIdAttribute;
            return new(runId, startedBy, started, finished, Creators, Active, ActiveCanWork, Unlinked, pool, wouldChange,
                blocked.OrderBy(b => b.Slug, StringComparer.Ordinal).ToList(), findings.ToList(), findingCount, freshness);
        }
    }

    private void Record(ConsistencyFinding finding)
    {
        findingCount++;
        if (findings.Count < PlatformFacts.ListLimit) findings.Add(finding);
    }

    private ConsistencyFinding? Finding(CreatorLinkage l)
    {
        var slug = l.Creator.Slug;
        return l.State switch
        {
            // A disabled creator without a user is where its way back (ungroup, unlink, disable) ends: nothing to fix.
            LinkageState.Unlinked when l.Creator.Status == Creator.Disabled => null,
            LinkageState.Unlinked => new(ConsistencyKind.CreatorUnlinked, $"{slug} has no linked user.", [slug]),
            LinkageState.HoldsUsername => new(ConsistencyKind.UserIdHoldsUsername,
                $"{slug}'s userId holds the Username '{l.User!.Username}' instead of its sub {l.User.Sub}.", [slug], l.User.Username),
            LinkageState.UserMissing => new(ConsistencyKind.LinkedUserMissing, $"{slug}'s userId '{l.Creator.UserId}' names no user.", [slug]),
            LinkageState.UserDisabled => new(ConsistencyKind.LinkedUserDisabled, $"{slug}'s user {l.User!.Username} is disabled.", [slug], l.User.Username),
            LinkageState.Linked when groupExists && !l.InGroup => new(ConsistencyKind.LinkedUserNotInGroup,
                $"{slug}'s user {l.User!.Username} is not in the group '{groupName}'.", [slug], l.User.Username),
            _ => null,
        };
    }
}
