using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>The CLI's <c>onboard</c> run again after a failure: the same start continues the stopped onboarding of the slug.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class OnboardingResumeTests(EmulatorFixture emulators)
{
    private static CreatorProfile Profile(string slug) => CreatorProfile.Blank with { Slug = slug, DisplayName = "Nina Park" };

    [Fact]
    public async Task A_failed_onboarding_started_again_with_the_same_slug_resumes_instead_of_failing_on_its_own_slug()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var onboarding = world.Get<OnboardingService>();
        var nina = await world.UserAsync("ninapark");
        // Creating "ninapark" again with another e-mail fails at the user step, after the creator was written.
        var failed = await onboarding.StartAsync(Profile("nina-park"), OnboardingUser.NewUser("ninapark", "not.nina@example.com"), default);

        var again = await onboarding.StartAsync(Profile("nina-park"), OnboardingUser.ExistingUser("ninapark"), default);

        Assert.Equal(OnboardingStep.User, failed.FailedAt);
        Assert.True(again.Completed, again.LastError);
        Assert.Equal((failed.Id, failed.CreatorId), (again.Id, again.CreatorId));
        var creator = await world.SingleCreatorAsync("nina-park");
        Assert.Equal((failed.CreatorId, nina.Sub), (creator.Id, creator.UserId));
        Assert.Empty(await onboarding.ListOpenAsync(default));
    }

    [Fact]
    public async Task Starting_again_with_another_user_than_the_stopped_onboarding_chose_is_refused_with_the_way_out()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        await world.UserAsync("omarali");
        await world.UserAsync("someoneelse");
        var onboarding = world.Get<OnboardingService>();
        var stopped = await onboarding.StartAsync(Profile("omar"), OnboardingUser.ExistingUser("omarali"), default);

        var refused = await Assert.ThrowsAsync<OnboardingException>(() => onboarding.StartAsync(Profile("omar"), OnboardingUser.ExistingUser("someoneelse"), default));

        Assert.Equal(OnboardingStep.Group, stopped.FailedAt);
        Assert.Contains($"The stopped onboarding {stopped.Id} of 'omar' already chose the user omarali", refused.Message);
        Assert.Equal([stopped.Id], (await onboarding.ListOpenAsync(default)).Select(o => o.Id));
    }
}
