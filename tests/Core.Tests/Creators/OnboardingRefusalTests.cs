using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>Onboarding refuses at the wizard's step, before it writes anything, what would only fail at its last step.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class OnboardingRefusalTests(EmulatorFixture emulators)
{
    private static CreatorProfile Profile(string slug) => CreatorProfile.Blank with { Slug = slug, DisplayName = "Lena Berg" };

    [Fact]
    public async Task A_user_already_linked_to_another_creator_is_refused_at_the_user_step_before_anything_is_written()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo", userId: jess.Sub);
        var onboarding = world.Get<OnboardingService>();

        var refused = await Assert.ThrowsAsync<OnboardingException>(() => onboarding.StartAsync(Profile("lena"), OnboardingUser.ExistingUser("jesskoufo"), default));

        Assert.Equal(OnboardingStep.User, refused.RefusedAt);
        Assert.Contains("jesskoufo is already the user of the creator jesskoufo", refused.Message);
        await AssertNothingWrittenAsync(world, "lena");
        Assert.False(await world.Get<CreatorsGroupService>().IsMemberAsync("jesskoufo", default));
    }

    [Fact]
    public async Task A_user_linked_by_the_username_the_guide_stored_is_refused_too()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo", userId: "jesskoufo");

        var refused = await Assert.ThrowsAsync<OnboardingException>(() =>
            world.Get<OnboardingService>().StartAsync(Profile("lena"), OnboardingUser.ExistingUser("jesskoufo"), default));

        Assert.Equal(OnboardingStep.User, refused.RefusedAt);
        await AssertNothingWrittenAsync(world, "lena");
    }

    [Fact]
    public async Task A_user_that_does_not_exist_is_refused_at_the_user_step_before_anything_is_written()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);

        var refused = await Assert.ThrowsAsync<OnboardingException>(() =>
            world.Get<OnboardingService>().StartAsync(Profile("lena"), OnboardingUser.ExistingUser("nobody-here"), default));

        Assert.Equal(OnboardingStep.User, refused.RefusedAt);
        Assert.Equal("There is no user 'nobody-here' in the user pool. Pick one from the list, or create a user.", refused.Message);
        await AssertNothingWrittenAsync(world, "lena");
    }

    [Fact]
    public async Task A_taken_slug_is_refused_at_the_profile_step_before_the_user_is_created()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.CreatorAsync("lena");

        var refused = await Assert.ThrowsAsync<OnboardingException>(() =>
            world.Get<OnboardingService>().StartAsync(Profile("lena"), OnboardingUser.NewUser("lenaberg", "lena@example.com"), default));

        Assert.Equal(OnboardingStep.Creator, refused.RefusedAt);
        Assert.Null(await world.Get<CognitoUsers>().FindAsync("lenaberg", default));
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
        Assert.Single(await world.Get<CreatorStore>().FindBySlugAsync("lena", default));
    }

    private static async Task AssertNothingWrittenAsync(CreatorsWorld world, string slug)
    {
        Assert.Empty(await world.Get<CreatorStore>().FindBySlugAsync(slug, default));
        Assert.Null(await world.Get<CreatorStore>().ReservedByAsync(slug, default));
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
    }
}
