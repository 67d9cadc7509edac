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

    /// <summary>Whether Give creators access (the CLI's <c>access ensure</c>) fixes the problem, or the admin must act first (link a user, enable someone).</summary>
    public static bool FixedByEnsure(AccessProblem problem) => problem is AccessProblem.NoCreatorRole or AccessProblem.NotInFrontendGroup
        or AccessProblem.PoolLacksCreatorIdAttribute or AccessProblem.CreatorIdClaimMissing or AccessProblem.CreatorIdClaimWrong;

    /// <summary>The reason in the platform's words, and the fix.</summary>
    public static (string Reason, string Fix) Explain(AccessProblem problem, Creator creator, CreatorAccessOptions access, CreatorsGroupOptions frontend,
        PlatformDecision? decision) => problem switch
    {
        AccessProblem.CreatorDisabled => ($"The creator is {creator.Status}.", "Enable the creator on its page if it should work."),
        AccessProblem.NotLinked => ("No user is linked to this creator, so the platform finds no creator when someone signs in.",
            "Link the creator's user on its page."),
        AccessProblem.UserNotFound => ($"The user linked to this creator ({creator.UserId}) is not in the user pool.", "Link another user on the creator's page."),
        AccessProblem.UserDisabled => ("The linked user is disabled in Cognito and cannot sign in.", "Enable the user in Cognito, or link another user."),
        AccessProblem.LookupBySubFails => (decision is { FoundBySub.Count: > 1 }
                ? $"{decision.FoundBySub.Count} creators are linked to this user: the platform takes one of them at random."
                : "The platform does not find this creator from its user's sign-in.", "Fix the link on the creator's page."),
        AccessProblem.NoCreatorRole
            => ($"The user is not in the '{access.CreatorRoleGroup}' group, so the platform treats it as a viewer and refuses its products (\"Creator role required\").",
            $"Give creators access: it adds the user to '{access.CreatorRoleGroup}'."),
        AccessProblem.NotInFrontendGroup => ($"The user is not in the '{frontend.Name}' group, so the website shows it no creator screens.",
            $"Give creators access: it adds the user to '{frontend.Name}'."),
        AccessProblem.PoolLacksCreatorIdAttribute
            => ($"The user pool has no {access.CreatorIdClaim} attribute, so the platform cannot tell which creator a user is (\"User is not associated with a creator account\").",
            $"Give creators access: it adds {access.CreatorIdClaim} to the user pool (this can never be undone) and sets it on each creator's user."),
        AccessProblem.CreatorIdClaimMissing
            => ($"The user has no {access.CreatorIdClaim}, so the platform cannot tell which creator it is (\"User is not associated with a creator account\").",
            $"Give creators access: it sets {access.CreatorIdClaim} on the user."),
        AccessProblem.CreatorIdClaimWrong
            => ($"The user's {access.CreatorIdClaim} is '{decision?.CreatorId}', another creator's id: this creator's user would manage someone else's products.",
            $"Give creators access: it sets {access.CreatorIdClaim} to {creator.Id}."),
        _ => ("", ""),
    };
}
