using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

/// <summary>
/// A creator's user is found by its <c>sub</c>: the first time with a filtered ListUsers, after that by key (AdminGetUser
/// with the Username seen for that sub), and never wrongly when the Username has since gone to another user.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class KnownUsernamesTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_creators_user_is_found_by_listing_once_and_by_key_after_that()
    {
        var recorder = new RequestRecorder();
        await using var world = await CreatorsWorld.CreateAsync(emulators, overrides: recorder.WireCognito());
        var jess = await world.UserAsync("jesskoufo");
        await world.AddToGroupAsync("jesskoufo");
        var creator = await world.CreatorAsync("jesskoufo", jess.Sub);
        var linkage = world.Get<LinkageService>();

        recorder.Clear();
        var first = await linkage.AssessAsync(creator, groupExists: true, default);
        var firstCalls = recorder.CognitoOperations.ToList();
        recorder.Clear();
        var second = await linkage.AssessAsync(creator, groupExists: true, default);

        Assert.Equal((LinkageState.Linked, true), (first.State, first.InGroup));
        Assert.Equal((LinkageState.Linked, true, "jesskoufo"), (second.State, second.InGroup, second.User?.Username));
        Assert.Equal(["AdminListGroupsForUser", "ListUsers"], firstCalls.Order());
        Assert.Equal(["AdminGetUser", "AdminListGroupsForUser"], recorder.CognitoOperations.Order());
    }

    [Fact]
    public async Task A_username_given_to_a_new_user_does_not_stand_for_the_deleted_one()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var old = await world.UserAsync("samrivera");
        var creator = await world.CreatorAsync("samrivera", old.Sub);
        var linkage = world.Get<LinkageService>();
        Assert.Equal(LinkageState.Linked, (await linkage.AssessAsync(creator, groupExists: true, default)).State);

        await world.Cognito.AdminDeleteUserAsync(new() { UserPoolId = world.PoolId, Username = "samrivera" });
        var successor = await world.UserAsync("samrivera");
        var after = await linkage.AssessAsync(creator, groupExists: true, default);

        Assert.NotEqual(old.Sub, successor.Sub);
        Assert.Equal(LinkageState.UserMissing, after.State);
        Assert.Null(after.User);
        Assert.Null(await world.Get<CognitoUsers>().FindBySubAsync(old.Sub, default));
        Assert.Equal("samrivera", (await world.Get<CognitoUsers>().FindBySubAsync(successor.Sub, default))?.Username);
    }
}
