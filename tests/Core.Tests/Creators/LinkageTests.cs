using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

[Collection(EmulatorCollection.Name)]
public sealed class LinkageTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Linking_by_username_stores_the_users_sub_not_its_username()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo");

        var linked = await world.Get<LinkageService>().LinkAsync("jesskoufo", "jesskoufo", default);

        Assert.Equal(jess.Sub, linked.Creator.UserId);
        Assert.NotEqual("jesskoufo", jess.Sub);
        Assert.Equal(jess.Sub, (await world.SingleCreatorAsync("jesskoufo")).UserId);
    }

    [Fact]
    public async Task Linking_by_email_stores_the_sub_of_the_user_with_that_email()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var maria = await world.UserAsync("mariasantos", "maria.santos@example.com");
        await world.UserAsync("alexchen", "alex.chen@example.com");
        await world.CreatorAsync("maria");

        var linked = await world.Get<LinkageService>().LinkAsync("maria", "maria.santos@example.com", default);

        Assert.Equal("mariasantos", linked.User.Username);
        Assert.Equal(maria.Sub, (await world.SingleCreatorAsync("maria")).UserId);
    }

    [Fact]
    public async Task A_user_already_linked_to_another_creator_is_refused()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo", jess.Sub);
        await world.CreatorAsync("jess-two");

        var error = await Assert.ThrowsAsync<LinkageException>(() => world.Get<LinkageService>().LinkAsync("jess-two", "jesskoufo", default));

        Assert.Contains("already linked to the creator 'jesskoufo'", error.Message);
        Assert.Null((await world.SingleCreatorAsync("jess-two")).UserId);
    }

    [Fact]
    public async Task Each_creator_gets_its_linkage_state()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        var sam = await world.UserAsync("samrivera");
        await world.AddToGroupAsync("jesskoufo");
        await world.DisableUserAsync("samrivera");
        var creators = new[]
        {
            await world.CreatorAsync("linked", jess.Sub), await world.CreatorAsync("unlinked"), await world.CreatorAsync("byname", "jesskoufo"),
            await world.CreatorAsync("ghost", Guid.NewGuid().ToString()), await world.CreatorAsync("disabled", sam.Sub),
        };
        var linkage = world.Get<LinkageService>();

        var states = new List<CreatorLinkage>();
        foreach (var creator in creators) states.Add(await linkage.AssessAsync(creator, groupExists: true, default));

        Assert.Equal([LinkageState.Linked, LinkageState.Unlinked, LinkageState.HoldsUsername, LinkageState.UserMissing, LinkageState.UserDisabled],
            states.Select(s => s.State));
        Assert.True(states[0].InGroup);
        Assert.False(states[4].InGroup);
    }

    [Fact]
    public async Task Fixing_a_creator_whose_user_id_holds_the_username_stores_the_sub_and_adds_the_user_to_the_group()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo", "jesskoufo");
        var linkage = world.Get<LinkageService>();
        var before = await linkage.GetAsync("jesskoufo", default);

        var after = await linkage.FixAsync("jesskoufo", default);

        Assert.Equal(LinkageState.HoldsUsername, before.State);
        Assert.NotNull(before.Fix);
        Assert.Equal(LinkageState.Linked, after.State);
        Assert.True(after.InGroup);
        Assert.Null(after.Fix);
        Assert.Equal(jess.Sub, (await world.SingleCreatorAsync("jesskoufo")).UserId);
    }

    [Fact]
    public async Task A_creator_whose_user_is_disabled_cannot_be_fixed_by_the_console()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var sam = await world.UserAsync("samrivera");
        await world.DisableUserAsync("samrivera");
        await world.CreatorAsync("sam", sam.Sub);

        var error = await Assert.ThrowsAsync<LinkageException>(() => world.Get<LinkageService>().FixAsync("sam", default));

        Assert.Contains("disabled", error.Message);
    }
}
