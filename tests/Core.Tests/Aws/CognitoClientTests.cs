using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;

namespace CreatorPlatform.Core.Tests.Aws;

[Collection(CognitoEmulatorCollection.Name)]
public sealed class CognitoClientTests(CognitoEmulatorFixture emulator)
{
    private ICognitoClient Cognito => emulator.Cognito;
    private string Pool => emulator.UserPoolId;

    [Fact]
    public async Task A_created_user_reads_back_with_its_email_and_a_sub_that_differs_from_the_username()
    {
        var username = CognitoEmulatorFixture.Unique("ada");
        await emulator.CreateUserAsync(username, $"{username}@example.com");

        var user = await Cognito.AdminGetUserAsync(new() { UserPoolId = Pool, Username = username });

        Assert.Equal(username, user.Username);
        Assert.Equal($"{username}@example.com", user.Email);
        Assert.False(string.IsNullOrEmpty(user.Sub));
        Assert.NotEqual(username, user.Sub);
    }

    [Fact]
    public async Task Ensuring_a_group_twice_creates_it_once_with_its_description_and_precedence()
    {
        var group = CognitoEmulatorFixture.Unique("Creators");

        var first = await Cognito.EnsureGroupAsync(Pool, group, "Content creators with product management access", 10);
        var second = await Cognito.EnsureGroupAsync(Pool, group, "Content creators with product management access", 10);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Equal("Content creators with product management access", second.Group.Description);
        Assert.Equal(10, second.Group.Precedence);
        Assert.Single(await Cognito.ListAllGroupsAsync(Pool), g => g.GroupName == group);
    }

    [Fact]
    public async Task An_added_member_is_listed_in_the_group_and_the_group_among_the_users_groups()
    {
        var group = CognitoEmulatorFixture.Unique("Members");
        var username = CognitoEmulatorFixture.Unique("bea");
        await Cognito.EnsureGroupAsync(Pool, group, null, null);
        await emulator.CreateUserAsync(username, $"{username}@example.com");

        await Cognito.AdminAddUserToGroupAsync(new() { UserPoolId = Pool, Username = username, GroupName = group });

        var members = await Cognito.ListAllUsersInGroupAsync(Pool, group);
        var groups = await Cognito.ListAllGroupsForUserAsync(Pool, username);
        Assert.Equal([username], members.Select(m => m.Username));
        Assert.Equal([group], groups.Select(g => g.GroupName));
    }

    [Fact]
    public async Task A_removed_member_is_no_longer_in_the_group()
    {
        var group = CognitoEmulatorFixture.Unique("Leavers");
        var stays = CognitoEmulatorFixture.Unique("cal");
        var leaves = CognitoEmulatorFixture.Unique("dee");
        await Cognito.EnsureGroupAsync(Pool, group, null, null);
        foreach (var username in new[] { stays, leaves })
        {
            await emulator.CreateUserAsync(username, $"{username}@example.com");
            await Cognito.AdminAddUserToGroupAsync(new() { UserPoolId = Pool, Username = username, GroupName = group });
        }

        await Cognito.AdminRemoveUserFromGroupAsync(new() { UserPoolId = Pool, Username = leaves, GroupName = group });

        Assert.Equal([stays], (await Cognito.ListAllUsersInGroupAsync(Pool, group)).Select(m => m.Username));
        Assert.Empty(await Cognito.ListAllGroupsForUserAsync(Pool, leaves));
    }

    [Fact]
    public async Task Users_are_found_by_email_with_a_list_users_filter()
    {
        var wanted = CognitoEmulatorFixture.Unique("eve");
        var other = CognitoEmulatorFixture.Unique("fay");
        await emulator.CreateUserAsync(wanted, $"{wanted}@example.com");
        await emulator.CreateUserAsync(other, $"{other}@example.com");

        var found = await Cognito.FindUsersByEmailAsync(Pool, $"{wanted}@example.com");

        var user = Assert.Single(found);
        Assert.Equal(wanted, user.Username);
        Assert.Equal($"{wanted}@example.com", user.Email);
    }

    [Fact]
    public async Task Reading_an_unknown_user_raises_user_not_found()
    {
        var missing = CognitoEmulatorFixture.Unique("nobody");

        var error = await Assert.ThrowsAsync<UserNotFoundException>(() => Cognito.AdminGetUserAsync(new() { UserPoolId = Pool, Username = missing }));

        Assert.Equal("UserNotFoundException", error.ErrorCode);
        Assert.Equal(System.Net.HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task The_sandbox_pool_is_listed_among_the_user_pools()
    {
        var pools = await Cognito.ListUserPoolsAsync(new() { MaxResults = 60 });

        Assert.Contains(pools.UserPools ?? [], p => p.Id == Pool);
    }
}
