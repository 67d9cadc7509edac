using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

[Collection(EmulatorCollection.Name)]
public sealed class OnboardingTests(EmulatorFixture emulators)
{
    private static CreatorProfile Profile(string slug) => new(slug, "Maria Santos", "Home and kitchen finds.",
        new SocialLinks("https://instagram.com/mariasantos", "https://www.pinterest.com/mariasantos/", ""), new CreatorTheme("#112233", "#FF6B6B", "Lora"));

    [Fact]
    public async Task Onboarding_with_a_new_user_creates_the_creator_the_user_the_membership_and_the_sub_link()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);

        var done = await world.Get<OnboardingService>().StartAsync(Profile("maria-santos"), OnboardingUser.NewUser("mariasantos", "maria@example.com"), default);

        Assert.True(done.Completed, done.LastError);
        Assert.Equal("/creator/maria-santos", done.PublicPath);
        var creator = await world.SingleCreatorAsync("maria-santos");
        var user = await world.Get<CognitoUsers>().FindAsync("maria@example.com", default);
        Assert.Equal("mariasantos", user?.Username);
        Assert.Equal(user!.Sub, creator.UserId);
        Assert.Equal(("Maria Santos", "Home and kitchen finds.", "Lora"), (creator.DisplayName, creator.Bio, creator.Theme.Font));
        Assert.Equal("https://instagram.com/mariasantos", creator.SocialLinks.Instagram);
        Assert.True(await world.Get<CreatorsGroupService>().IsMemberAsync("mariasantos", default));
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
    }

    [Fact]
    public async Task Onboarding_with_an_existing_user_found_by_email_links_that_users_sub()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var alex = await world.UserAsync("alexchen", "alex.chen@example.com");

        var done = await world.Get<OnboardingService>().StartAsync(Profile("alex"), OnboardingUser.ExistingUser("alex.chen@example.com"), default);

        Assert.True(done.Completed, done.LastError);
        Assert.Equal(("alexchen", alex.Sub), (done.Username, done.Sub));
        Assert.Equal(alex.Sub, (await world.SingleCreatorAsync("alex")).UserId);
    }

    [Fact]
    public async Task Two_concurrent_onboardings_of_one_slug_give_one_creator_and_one_clear_error()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var onboarding = world.Get<OnboardingService>();

        async Task<(string User, OnboardingProgress? Progress, OnboardingException? Refusal)> Attempt(string user)
        {
            try { return (user, await onboarding.StartAsync(Profile("same-slug"), OnboardingUser.NewUser(user, $"{user}@example.com"), default), null); }
            catch (OnboardingException e) { return (user, null, e); }
        }

        var attempts = await Task.WhenAll(Attempt("first"), Attempt("second"));

        var winner = Assert.Single(attempts, a => a.Progress?.Completed == true).Progress!;
        var loser = Assert.Single(attempts, a => a.Progress?.Completed != true);
        // Which check stops the loser depends on timing: the checks before anything is written (the slug is already
        // reserved), or the reservation itself at the creator step. Either way one clear error names the slug, and the
        // loser wrote nothing.
        Assert.Contains("'same-slug'", loser.Refusal?.Message ?? loser.Progress?.LastError ?? "");
        if (loser.Progress is { } stopped)
        {
            Assert.Equal(OnboardingStep.Creator, stopped.FailedAt);
            Assert.Empty(stopped.Done);
        }
        Assert.Equal(winner.Sub, (await world.SingleCreatorAsync("same-slug")).UserId);
        Assert.Null(await world.Get<CognitoUsers>().FindAsync(loser.User, default));
    }

    [Fact]
    public async Task An_onboarding_stopped_by_a_missing_group_resumes_from_the_group_step()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        var onboarding = world.Get<OnboardingService>();
        var stopped = await onboarding.StartAsync(Profile("priya"), OnboardingUser.NewUser("priyapatel", "priya@example.com"), default);
        await world.Get<CreatorsGroupService>().EnsureAsync(default);

        var open = await onboarding.ListOpenAsync(default);
        var resumed = await onboarding.ResumeAsync(stopped.Id);

        Assert.Equal(OnboardingStep.Group, stopped.FailedAt);
        Assert.Contains("does not exist", stopped.LastError);
        Assert.Equal([OnboardingStep.Creator, OnboardingStep.User], stopped.Done);
        Assert.Equal([stopped.Id], open.Select(o => o.Id));
        Assert.True(resumed.Completed, resumed.LastError);
        Assert.Equal(stopped.Sub, resumed.Sub);
        Assert.Equal(resumed.Sub, (await world.SingleCreatorAsync("priya")).UserId);
        Assert.Single(await world.Get<CognitoUsers>().ListAllAsync(default));
    }

    [Fact]
    public async Task A_taken_username_is_refused_before_anything_is_written_and_another_username_then_onboards()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("samrivera", "someone.else@example.com");
        var onboarding = world.Get<OnboardingService>();

        var refused = await Assert.ThrowsAsync<OnboardingException>(() => onboarding.StartAsync(Profile("sam"), OnboardingUser.NewUser("samrivera", "sam@example.com"), default));
        var resumed = await onboarding.StartAsync(Profile("sam"), OnboardingUser.NewUser("sam-rivera", "sam@example.com"), default);

        Assert.Equal(OnboardingStep.User, refused.RefusedAt);
        Assert.Contains("taken by another user", refused.Message);
        Assert.True(resumed.Completed, resumed.LastError);
        Assert.Equal("sam-rivera", resumed.Username);
        Assert.Equal(resumed.Sub, (await world.SingleCreatorAsync("sam")).UserId);
    }

    [Fact]
    public async Task An_invalid_profile_is_refused_before_anything_is_written()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);

        var error = await Assert.ThrowsAsync<OnboardingException>(() => world.Get<OnboardingService>().StartAsync(
            Profile("Bad--Slug") with { SocialLinks = new("https://tiktok.com/@x", "", "") }, OnboardingUser.NewUser("x", "x@example.com"), default));

        Assert.Contains("slug:", error.Message);
        Assert.Contains("instagram: Must be a link to instagram.com.", error.Message);
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
        Assert.Empty(await world.Get<CreatorStore>().FindBySlugAsync("Bad--Slug", default));
    }

    [Theory]
    [InlineData("nobody-here")]
    [InlineData("has space")]
    public async Task An_existing_user_that_is_not_in_the_pool_is_refused_before_anything_is_written(string user)
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);

        var error = await Assert.ThrowsAsync<OnboardingException>(() =>
            world.Get<OnboardingService>().StartAsync(Profile("ghost-user"), OnboardingUser.ExistingUser(user), default));

        Assert.Contains("user", error.Message);
        Assert.Empty(await world.Get<OnboardingService>().ListOpenAsync(default));
        Assert.Empty(await world.Get<CreatorStore>().FindBySlugAsync("ghost-user", default));
    }
}
