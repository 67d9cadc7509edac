using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>
/// An onboarding stopped at its last step, as consoles before the checks left them: resumed with another user, or
/// abandoned, it takes back exactly what it wrote and never a membership the user had before.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class OnboardingAbandonTests(EmulatorFixture emulators)
{
    private static CreatorProfile Profile(string slug) => CreatorProfile.Blank with { Slug = slug, DisplayName = "Lena Berg" };

    /// <summary>Creator, user and membership written; the link step failed.</summary>
    private static async Task<OnboardingProgress> StoppedAtLinkAsync(CreatorsWorld world, CognitoUser user, bool createdUser, bool addedToGroup)
    {
        var creator = await world.CreatorAsync("lena");
        await world.AddToGroupAsync(user.Username);
        var now = DateTimeOffset.UtcNow;
        var progress = new OnboardingProgress(CreatorsWorld.Unique("stuck"), Profile("lena"),
            createdUser ? OnboardingUser.NewUser(user.Username, user.Email!) : OnboardingUser.ExistingUser(user.Username), "tests", now, now,
            [OnboardingStep.Creator, OnboardingStep.User, OnboardingStep.Group], creator.Id, user.Username, user.Sub, OnboardingStep.Link, "Linked elsewhere.",
            CreatedUser: createdUser, AddedToGroup: addedToGroup);
        await world.Get<OnboardingProgressStore>().SaveAsync(progress, default);
        return progress;
    }

    [Fact]
    public async Task A_stopped_onboarding_resumes_with_another_user_and_the_user_it_had_added_leaves_the_group()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var first = await world.UserAsync("firstpick");
        var second = await world.UserAsync("secondpick");
        var stopped = await StoppedAtLinkAsync(world, first, createdUser: false, addedToGroup: true);
        var group = world.Get<CreatorsGroupService>();

        var resumed = await world.Get<OnboardingService>().ResumeAsync(stopped.Id, OnboardingUser.ExistingUser("secondpick"));

        Assert.True(resumed.Completed, resumed.LastError);
        Assert.Equal(second.Sub, (await world.SingleCreatorAsync("lena")).UserId);
        Assert.False(await group.IsMemberAsync("firstpick", default));
        Assert.True(await group.IsMemberAsync("secondpick", default));
        Assert.NotNull(await world.Get<CognitoUsers>().FindAsync(first.Username, default));
    }

    [Fact]
    public async Task Abandoning_leaves_a_user_that_was_in_the_group_before_in_it_and_frees_the_slug()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        var stopped = await StoppedAtLinkAsync(world, jess, createdUser: false, addedToGroup: false);
        var onboarding = world.Get<OnboardingService>();

        var done = await onboarding.AbandonAsync(stopped.Id, default);

        Assert.Equal(["Removed the creator lena and released the slug 'lena'."], done);
        Assert.True(await world.Get<CreatorsGroupService>().IsMemberAsync("jesskoufo", default));
        Assert.Empty(await world.Get<CreatorStore>().FindBySlugAsync("lena", default));
        Assert.True((await world.Get<SlugAvailability>().CheckAsync("lena", default)).Available);
        Assert.Empty(await onboarding.ListOpenAsync(default));
    }

    [Fact]
    public async Task Abandoning_an_onboarding_that_created_its_user_removes_the_membership_the_user_and_the_creator()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var lena = await world.UserAsync("lenaberg", "lena@example.com");
        var stopped = await StoppedAtLinkAsync(world, lena, createdUser: true, addedToGroup: true);

        var done = await world.Get<OnboardingService>().AbandonAsync(stopped.Id, default);
        var again = await world.Get<OnboardingService>().AbandonAsync(stopped.Id, default);

        Assert.Equal(3, done.Count);
        Assert.Contains("Deleted the user lenaberg, which the onboarding had created.", done);
        Assert.Null(await world.Get<CognitoUsers>().FindAsync("lenaberg", default));
        Assert.Empty(await world.Get<CreatorStore>().FindBySlugAsync("lena", default));
        Assert.Empty(again);
    }
}
