using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Rollback;

/// <summary>How to undo one done onboarding step, and with what.</summary>
public sealed record OnboardingUndoStep(OnboardingStep Step, string HowTo);

/// <summary>The way back from each done step of an onboarding, newest first: the order in which they must run.</summary>
public static class OnboardingUndo
{
    public static IReadOnlyList<OnboardingUndoStep> For(OnboardingProgress progress)
    {
        var slug = progress.Profile.Slug;
        var user = progress.Username ?? "the user";
        var steps = new List<OnboardingUndoStep>();
        if (progress.IsDone(OnboardingStep.Link))
            steps.Add(new(OnboardingStep.Link, $"Unlink on the creator's page (or `unlink --slug {slug}`), after removing {user} from the groups: the userId is cleared."));
        if (progress.IsDone(OnboardingStep.Group))
            steps.Add(new(OnboardingStep.Group, $"Remove from groups on the creator's page (or `ungroup --slug {slug}`): {user} leaves creator and Creators."));
        if (progress.IsDone(OnboardingStep.User))
            steps.Add(new(OnboardingStep.User, progress.User.CreatesUser
                ? $"The console does not delete users: delete {user} in Cognito (aws cognito-idp admin-delete-user --user-pool-id <pool> --username {user}); it loses its sign-in."
                : $"{user} existed before the onboarding: nothing to undo."));
        if (progress.IsDone(OnboardingStep.Creator))
            steps.Add(new(OnboardingStep.Creator,
                $"Disable on the creator's page (or `disable --slug {slug}`): the platform stops showing {slug}. The record and its slug reservation stay, so the slug stays taken."));
        return steps;
    }
}
