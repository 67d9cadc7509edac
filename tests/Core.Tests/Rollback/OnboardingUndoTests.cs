using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Rollback;

namespace CreatorPlatform.Core.Tests.Rollback;

public sealed class OnboardingUndoTests
{
    private static OnboardingProgress Progress(OnboardingUser user, IReadOnlyList<OnboardingStep> done, bool? addedToGroup) =>
        new("o1", CreatorProfile.Blank with { Slug = "mia" }, user, "tests", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, done, "c1", "mia", "sub-1",
            CreatedUser: user.CreatesUser, AddedToGroup: addedToGroup);

    [Fact]
    public void A_completed_onboarding_lists_each_steps_undo_newest_first_by_the_buttons_names()
    {
        var progress = Progress(OnboardingUser.NewUser("mia", "mia@example.com"), Enum.GetValues<OnboardingStep>(), addedToGroup: true);

        var steps = OnboardingUndo.For(progress);

        Assert.Equal([OnboardingStep.Link, OnboardingStep.Group, OnboardingStep.User, OnboardingStep.Creator], steps.Select(s => s.Step));
        Assert.StartsWith("Unlink on the page of mia", steps[0].HowTo);
        Assert.StartsWith("Remove from groups on the page of mia", steps[1].HowTo);
        Assert.Contains("delete mia in the AWS console", steps[2].HowTo);
        Assert.StartsWith("Disable on the page of mia", steps[3].HowTo);
        Assert.DoesNotContain(steps, s => s.HowTo.Contains('`') || s.HowTo.Contains("--slug"));
    }

    [Fact]
    public void A_user_that_was_in_the_group_and_existed_before_has_nothing_to_undo()
    {
        var progress = Progress(OnboardingUser.ExistingUser("jesskoufo"), [OnboardingStep.Creator, OnboardingStep.User, OnboardingStep.Group], addedToGroup: false);

        var steps = OnboardingUndo.For(progress);

        Assert.Equal([OnboardingStep.Group, OnboardingStep.User, OnboardingStep.Creator], steps.Select(s => s.Step));
        Assert.Contains("was in the Creators group before this onboarding: nothing to undo", steps[0].HowTo);
        Assert.Contains("existed before this onboarding: nothing to undo", steps[1].HowTo);
        Assert.DoesNotContain(steps, s => s.HowTo.Contains("leaves"));
        Assert.Equal("Abandon removes the creator mia and frees the slug 'mia'.", steps[2].HowTo);
    }
}
