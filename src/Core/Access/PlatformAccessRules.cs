using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Access;

/// <summary>The role <c>backend/shared/authContext.ts</c> gives a token: admin before creator, anyone else a viewer.</summary>
public enum PlatformRole { Viewer, Creator, Admin }

/// <summary>What the platform decides from a token: the backend's role and creator id, the frontend's screens, and the sub lookup.</summary>
public sealed record PlatformDecision(PlatformRole Role, string? CreatorId, bool SeesCreatorScreens, IReadOnlyList<string> FoundBySub);

/// <summary>What is wrong, worst first; the first one is the verdict's reason.</summary>
public enum AccessProblem
{
    None, CreatorDisabled, NotLinked, UserNotFound, UserDisabled, LookupBySubFails, NoCreatorRole, NotInFrontendGroup,
    PoolLacksCreatorIdAttribute, CreatorIdClaimMissing, CreatorIdClaimWrong,
}

/// <summary>The platform's own rules (PLATFORM.md), applied to one creator's token.</summary>
public static class PlatformAccessRules
{
    public static PlatformDecision Decide(TokenClaims token, CreatorAccessOptions access, CreatorsGroupOptions frontend, IReadOnlyList<string> foundBySub)
    {
        var groups = token.Groups;
        var role = groups.Contains(access.AdminRoleGroup) ? PlatformRole.Admin
            : groups.Contains(access.CreatorRoleGroup) ? PlatformRole.Creator : PlatformRole.Viewer;
        return new(role, string.IsNullOrEmpty(token.CreatorId) ? null : token.CreatorId, groups.Contains(frontend.Name), foundBySub);
    }

    /// <summary>Every problem, in the order the platform would meet them: the role first (createProduct's first refusal), then the creator id.</summary>
    public static IReadOnlyList<AccessProblem> Problems(Creator creator, PlatformDecision decision, bool poolHasAttribute)
    {
        var problems = new List<AccessProblem>();
        if (creator.Status != Creator.Active) problems.Add(AccessProblem.CreatorDisabled);
        if (decision.FoundBySub.Count != 1 || decision.FoundBySub[0] != creator.Id) problems.Add(AccessProblem.LookupBySubFails);
        if (decision.Role == PlatformRole.Viewer) problems.Add(AccessProblem.NoCreatorRole);
        if (!decision.SeesCreatorScreens) problems.Add(AccessProblem.NotInFrontendGroup);
        if (!poolHasAttribute) problems.Add(AccessProblem.PoolLacksCreatorIdAttribute);
        else if (decision.CreatorId is null) problems.Add(AccessProblem.CreatorIdClaimMissing);
        else if (decision.CreatorId != creator.Id) problems.Add(AccessProblem.CreatorIdClaimWrong);
        return problems;
    }

    /// <summary>Whether <c>access ensure</c> fixes the problem, or the admin must act first (link a user, enable someone).</summary>
    public static bool FixedByEnsure(AccessProblem problem) => problem is AccessProblem.NoCreatorRole or AccessProblem.NotInFrontendGroup
        or AccessProblem.PoolLacksCreatorIdAttribute or AccessProblem.CreatorIdClaimMissing or AccessProblem.CreatorIdClaimWrong;

    /// <summary>The reason in the platform's words, and the fix.</summary>
    public static (string Reason, string Fix) Explain(AccessProblem problem, Creator creator, CreatorAccessOptions access, CreatorsGroupOptions frontend,
        PlatformDecision? decision) => problem switch
    {
        AccessProblem.CreatorDisabled => ($"The creator is {creator.Status}.", "Enable the creator on its page if it should work."),
        AccessProblem.NotLinked => ("No user is linked: updateCreatorProfile finds the creator by the token's sub and finds nothing.",
            "Link the creator's user (its page, or `link --slug S --user U`)."),
        AccessProblem.UserNotFound => ($"userId '{creator.UserId}' is not the sub of any user in the pool.", "Fix the linkage on the creator's page."),
        AccessProblem.UserDisabled => ("The linked user is disabled in Cognito and cannot sign in.", "Enable the user in Cognito, or link another user."),
        AccessProblem.LookupBySubFails => (decision is { FoundBySub.Count: > 1 }
                ? $"userId-index finds {decision.FoundBySub.Count} creators for this sub: the platform takes one at random."
                : "userId-index does not find this creator by the token's sub.", "Fix the linkage on the creator's page."),
        AccessProblem.NoCreatorRole => ($"The token's cognito:groups has no '{access.CreatorRoleGroup}': the backend's role is viewer, and createProduct answers \"Creator role required\".",
            $"Run access ensure: it adds the user to '{access.CreatorRoleGroup}'."),
        AccessProblem.NotInFrontendGroup => ($"Not in '{frontend.Name}': the frontend shows no creator screens.", $"Run access ensure: it adds the user to '{frontend.Name}'."),
        AccessProblem.PoolLacksCreatorIdAttribute => ($"The user pool has no {access.CreatorIdClaim} attribute, so no token carries the creator id: createProduct answers \"User is not associated with a creator account\".",
            $"Run access ensure: it adds {access.CreatorIdClaim} to the pool (this can never be undone) and sets it on each creator's user."),
        AccessProblem.CreatorIdClaimMissing => ($"The token carries no {access.CreatorIdClaim}: createProduct answers \"User is not associated with a creator account\".",
            $"Run access ensure: it sets {access.CreatorIdClaim} on the user."),
        AccessProblem.CreatorIdClaimWrong => ($"The token's {access.CreatorIdClaim} is '{decision?.CreatorId}', another creator's id: the creator would manage someone else's products.",
            $"Run access ensure: it sets {access.CreatorIdClaim} to {creator.Id}."),
        _ => ("", ""),
    };
}
