using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Access;

/// <summary>The pool as access needs it: the creator id attribute in its schema, and the groups the platform reads.</summary>
public sealed record PoolAccessState(string PoolId, string CreatorIdClaim, bool HasCreatorIdAttribute, IReadOnlyList<string> MissingGroups);

/// <summary>
/// One creator as the platform sees it: the claims of its user's ID token, what the platform decides from them, and the
/// verdict. <see cref="Reason"/> and <see cref="Fix"/> are the first problem's.
/// </summary>
public sealed record CreatorAccess(Creator Creator, string? Username, TokenClaims? Token, PlatformDecision? Decision,
    IReadOnlyList<AccessProblem> Problems, string Reason, string? Fix)
{
    public bool CanWork => Problems.Count == 0;
    /// <summary>Only active creators must be able to work; a disabled one is shown, not counted.</summary>
    public bool Counts => Creator.Status == Creator.Active;
    /// <summary>True when <c>access ensure</c> fixes every problem of this creator.</summary>
    public bool FixedByEnsure => Problems.Count > 0 && Problems.All(PlatformAccessRules.FixedByEnsure);
}

public sealed record AccessReport(PoolAccessState Pool, IReadOnlyList<CreatorAccess> Creators, DateTimeOffset CheckedAt)
{
    public IReadOnlyList<CreatorAccess> Blocked => Creators.Where(c => c.Counts && !c.CanWork).ToList();
    public bool AllActiveCanWork => Blocked.Count == 0;
    public int Active => Creators.Count(c => c.Counts);
    /// <summary>Something <c>access ensure</c> would change: a group, the attribute, or a creator's groups or claim.</summary>
    public bool EnsureWouldChange => Pool.MissingGroups.Count > 0 || !Pool.HasCreatorIdAttribute
        || Creators.Any(c => c.Counts && c.Problems.Any(PlatformAccessRules.FixedByEnsure));
}
