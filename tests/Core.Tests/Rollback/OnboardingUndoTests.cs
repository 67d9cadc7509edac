using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Rollback;

namespace CreatorPlatform.Core.Tests.Rollback;

public sealed class OnboardingUndoTests
{
    [Fact]
    public void A_completed_onboarding_lists_each_steps_undo_newest_first_and_a_created_user_is_left_to_cognito()
    {
        var progress = new OnboardingProgress("o1", CreatorProfile.Blank with { Slug = "mia" }, OnboardingUser.NewUser("mia", "mia@example.com"), "tests",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Enum.GetValues<OnboardingStep>(), "c1", "mia", "sub-1");

        var steps = OnboardingUndo.For(progress);

        Assert.Equal([OnboardingStep.Link, OnboardingStep.Group, OnboardingStep.User, OnboardingStep.Creator], steps.Select(s => s.Step));
        Assert.Contains("unlink --slug mia", steps[0].HowTo);
        Assert.Contains("admin-delete-user", steps[2].HowTo);
        Assert.Contains("disable --slug mia", steps[3].HowTo);
    }

    [Fact]
    public void Steps_not_done_have_no_undo_and_an_existing_user_has_nothing_to_undo()
    {
        var progress = new OnboardingProgress("o2", CreatorProfile.Blank with { Slug = "mia" }, OnboardingUser.ExistingUser("mia"), "tests",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, [OnboardingStep.Creator, OnboardingStep.User], "c1", "mia", "sub-1");

        var steps = OnboardingUndo.For(progress);

        Assert.Equal([OnboardingStep.User, OnboardingStep.Creator], steps.Select(s => s.Step));
        Assert.Contains("nothing to undo", steps[0].HowTo);
    }
}
