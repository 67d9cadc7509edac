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
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        var onboarding = world.Get<OnboardingService>();
        var nina = await world.UserAsync("ninapark");
        var failed = await onboarding.StartAsync(Profile("nina-park"), OnboardingUser.ExistingUser("ninapark"), default);
        await world.Get<CreatorsGroupService>().EnsureAsync(default);

        var again = await onboarding.StartAsync(Profile("nina-park"), OnboardingUser.ExistingUser("ninapark"), default);

        Assert.Equal(OnboardingStep.Group, failed.FailedAt);
        Assert.True(again.Completed, again.LastError);
        Assert.Equal((failed.Id, failed.CreatorId), (again.Id, again.CreatorId));
        var creator = await world.SingleCreatorAsync("nina-park");
        Assert.Equal((failed.CreatorId, nina.Sub), (creator.Id, creator.UserId));
        Assert.Empty(await onboarding.ListOpenAsync(default));
    }

    [Fact]
    public async Task Starting_again_with_another_user_than_the_stopped_onboarding_chose_continues_it_with_that_user()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        await world.UserAsync("omarali");
        var other = await world.UserAsync("someoneelse");
        var onboarding = world.Get<OnboardingService>();
        var stopped = await onboarding.StartAsync(Profile("omar"), OnboardingUser.ExistingUser("omarali"), default);

        var again = await onboarding.StartAsync(Profile("omar"), OnboardingUser.ExistingUser("someoneelse"), default);

        Assert.Equal(OnboardingStep.Group, stopped.FailedAt);
        Assert.Equal((stopped.Id, stopped.CreatorId), (again.Id, again.CreatorId));
        Assert.Equal(("someoneelse", other.Sub, OnboardingStep.Group), (again.Username, again.Sub, again.FailedAt));
        Assert.Equal([stopped.Id], (await onboarding.ListOpenAsync(default)).Select(o => o.Id));
    }
}
