using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>The creator page's entry point against DynamoDB Local and cognito-local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CreatorScreenTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_screen_links_a_creator_disables_it_and_reads_it_back()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var (slug, username, user, screen) = await CreatorAndUserAsync(world, "anna");

        var linked = await screen.LinkAsync(slug, username, default);
        var before = await screen.ReadAsync(slug, default);
        await screen.SetEnabledAsync(before.Creator, enabled: false, default);
        var after = await screen.ReadAsync(slug, default);

        Assert.Equal(user.Sub, linked.User.Sub);
        Assert.Equal((user.Sub, Creator.Active), (before.Creator.UserId, before.Creator.Status));
        Assert.Equal(Creator.Disabled, after.Creator.Status);
        var rollback = world.Get<CreatorPlatform.Core.Rollback.CreatorRollback>();
        Assert.Equal(rollback.OptionsFor(after.Linkage).Select(o => o.Kind), screen.UndoOptions(after.Linkage).Select(o => o.Kind));
        await Assert.ThrowsAsync<CreatorNotFoundException>(() => screen.ReadAsync("nobody-" + slug, default));
    }

    [Fact]
    public async Task A_creators_page_and_access_check_survive_the_prerenders_hand_over_to_the_live_page()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var (slug, username, _, screen) = await CreatorAndUserAsync(world, "bea");
        await screen.LinkAsync(slug, username, default);
        var details = await screen.ReadAsync(slug, default);
        var access = await world.Get<CreatorPlatform.Core.Access.AccessCheckService>().CheckOneAsync(slug, default);

        // The pages hand these to their interactive render as JSON (persistent component state), with the web defaults.
        Assert.Equal(Json(details), Json(Roundtrip(details)));
        Assert.Equal(Json(access), Json(Roundtrip(access)));
        Assert.Equal(details.Linkage.User?.Sub, Roundtrip(details).Linkage.User?.Sub);
        Assert.Equal((access.Creators.Single().Decision?.Role, access.Creators.Single().Decision?.CreatorId),
            (Roundtrip(access).Creators.Single().Decision?.Role, Roundtrip(access).Creators.Single().Decision?.CreatorId));
    }

    /// <summary>A creator and a Cognito user of its own, not linked yet, and the creator page's screen.</summary>
    private static async Task<(string Slug, string Username, CognitoUser User, CreatorScreen Screen)> CreatorAndUserAsync(CreatorsWorld world, string name)
    {
        var (slug, username) = (CreatorsWorld.Unique(name), CreatorsWorld.Unique(name + "user"));
        await world.CreatorAsync(slug);
        var user = await world.UserAsync(username);
        return (slug, username, user, world.Get<CreatorScreen>());
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, System.Text.Json.JsonSerializerOptions.Web);

    private static T Roundtrip<T>(T value) => System.Text.Json.JsonSerializer.Deserialize<T>(Json(value), System.Text.Json.JsonSerializerOptions.Web)!;
}
