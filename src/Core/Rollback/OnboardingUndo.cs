using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Rollback;

/// <summary>How to undo one done onboarding step, and with what.</summary>
public sealed record OnboardingUndoStep(OnboardingStep Step, string HowTo);

/// <summary>
/// The way back from each done step of an onboarding, newest first: the order in which they must run. It names only
/// what this onboarding did: a user that was in the group before, or existed before, has nothing to undo. An unfinished
/// onboarding is taken back by Abandon; a finished one by the creator page's ways back.
/// </summary>
public static class OnboardingUndo
{
    public static IReadOnlyList<OnboardingUndoStep> For(OnboardingProgress progress, string groupName = "Creators")
    {
        var slug = progress.Profile.Slug;
        var user = progress.Username ?? "the user";
        var finished = progress.Completed;
        var steps = new List<OnboardingUndoStep>();
        if (progress.IsDone(OnboardingStep.Link))
            steps.Add(new(OnboardingStep.Link, $"Unlink on the page of {slug}, after its groups step below: {slug} no longer has {user} as its user."));
        if (progress.IsDone(OnboardingStep.Group))
            steps.Add(new(OnboardingStep.Group, progress.AddedToGroup switch
            {
                false => $"{user} was in the {groupName} group before this onboarding: nothing to undo.",
                true when finished => $"Remove from groups on the page of {slug}: {user} leaves the {groupName} group (and the creator role group, when the onboarding gave it).",
                true => $"Abandon removes {user} from the {groupName} group, which this onboarding added it to.",
                null
                    =>
                        $"{user} is in the {groupName} group; this onboarding added it unless it was a member already (it started before the console recorded which): check " +
                            $"before removing it.",
            }));
        if (progress.IsDone(OnboardingStep.User))
            steps.Add(new(OnboardingStep.User, (progress.User.CreatesUser, finished) switch
            {
                (false, _) => $"{user} existed before this onboarding: nothing to undo.",
                (true, false) => $"Abandon deletes the user {user}, which this onboarding created.",
                (true, true) => $"The console does not delete the users of onboarded creators: delete {user} in the AWS console's user pool if it must go; it loses its sign-in.",
            }));
        if (progress.IsDone(OnboardingStep.Creator))
            steps.Add(new(OnboardingStep.Creator, finished
                ? $"Disable on the page of {slug}: the platform stops showing {slug}. The creator and its slug stay, so the slug stays taken."
                : $"Abandon removes the creator {slug} and frees the slug '{slug}'."));
        return steps;
    }
}
