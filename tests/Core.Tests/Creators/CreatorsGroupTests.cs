using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Creators;

[Collection(EmulatorCollection.Name)]
public sealed class CreatorsGroupTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Ensuring_the_group_twice_creates_it_once_with_the_guides_description_and_precedence()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        var group = world.Get<CreatorsGroupService>();

        var first = await group.EnsureAsync(default);
        var second = await group.EnsureAsync(default);

        Assert.True(first.Created);
        Assert.False(second.Created);
        Assert.Empty(second.Drift);
        Assert.Equal("Content creators with product management access", second.Group.Description);
        Assert.Equal(10, second.Group.Precedence);
        Assert.Single(await world.Cognito.ListAllGroupsAsync(world.PoolId), g => g.GroupName == "Creators");
    }

    [Fact]
    public async Task An_existing_group_with_another_description_and_precedence_is_reported_as_drift_and_left_alone()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        await world.Cognito.CreateGroupAsync(new() { UserPoolId = world.PoolId, GroupName = "Creators", Description = "made by hand", Precedence = 3 });

        var ensured = await world.Get<CreatorsGroupService>().EnsureAsync(default);

        Assert.False(ensured.Created);
        Assert.Equal(["Description is \"made by hand\", expected \"Content creators with product management access\".", "Precedence is 3, expected 10."],
            ensured.Drift);
        Assert.Equal("made by hand", (await world.Get<CreatorsGroupService>().GetStateAsync(default)).Group!.Description);
    }

    [Fact]
    public async Task Before_the_creators_table_exists_the_groups_members_are_listed_without_a_creator()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("mariasantos");
        await world.AddToGroupAsync("mariasantos");
        await using var beforeSchema = emulators.Services(s => s["Platform:UserPoolId"] = world.PoolId); // tables of its own, none created

        var (members, next) = await beforeSchema.GetRequiredService<CreatorsGroupService>().ListMembersPageAsync(null, default);

        var member = Assert.Single(members);
        Assert.Equal("mariasantos", member.User.Username);
        Assert.Null(member.Creator);
        Assert.Null(next);
    }

    [Fact]
    public async Task A_member_is_added_once_then_removed()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var group = world.Get<CreatorsGroupService>();
        await world.UserAsync("mariasantos");

        var added = await group.AddAsync("mariasantos", default);
        var again = await group.AddAsync("mariasantos", default);
        var inGroup = await group.IsMemberAsync("mariasantos", default);
        var removed = await group.RemoveAsync("mariasantos", default);

        Assert.Equal(MemberOutcome.Added, added.Outcome);
        Assert.Equal(MemberOutcome.AlreadyMember, again.Outcome);
        Assert.True(inGroup);
        Assert.Equal(MemberOutcome.Removed, removed.Outcome);
        Assert.False(await group.IsMemberAsync("mariasantos", default));
        Assert.Empty(await group.ListMembersAsync(new Core.Walk.WalkOptions(), null, default));
    }

    [Fact]
    public async Task A_pasted_list_is_added_with_a_result_for_each_row()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("jesskoufo");
        await world.UserAsync("alexchen", "alex.chen@example.com");
        await world.UserAsync("priyapatel");
        await world.AddToGroupAsync("priyapatel");

        var rows = await world.Get<CreatorsGroupService>().BulkAddAsync("jesskoufo\nalex.chen@example.com, priyapatel\n\nnobody-here\n", default);

        Assert.Equal([
            ("jesskoufo", MemberOutcome.Added, "jesskoufo"),
            ("alex.chen@example.com", MemberOutcome.Added, "alexchen"),
            ("priyapatel", MemberOutcome.AlreadyMember, "priyapatel"),
            ("nobody-here", MemberOutcome.NoSuchUser, null),
        ], rows.Select(r => (r.Input, r.Outcome, r.Username)));
        var members = await world.Get<CreatorsGroupService>().ListMembersAsync(new Core.Walk.WalkOptions(), null, default);
        Assert.Equal(["alexchen", "jesskoufo", "priyapatel"], members.Select(m => m.User.Username));
    }

    [Fact]
    public async Task Members_are_listed_with_the_creator_whose_user_id_is_their_sub()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.UserAsync("samrivera");
        await world.AddToGroupAsync("jesskoufo");
        await world.AddToGroupAsync("samrivera");
        await world.CreatorAsync("jesskoufo", jess.Sub);

        var members = await world.Get<CreatorsGroupService>().ListMembersAsync(new Core.Walk.WalkOptions(), null, default);

        Assert.Equal("jesskoufo", members.Single(m => m.User.Username == "jesskoufo").Creator?.Slug);
        Assert.Null(members.Single(m => m.User.Username == "samrivera").Creator);
    }

    [Fact]
    public async Task The_members_come_fifty_a_page_even_from_cognito_local_which_answers_every_member_at_once()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var usernames = Enumerable.Range(0, 53).Select(i => $"member{i:D2}").ToList();
        await Parallel.ForEachAsync(usernames, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (u, _) =>
        {
            await world.UserAsync(u);
            await world.AddToGroupAsync(u);
        });
        var group = world.Get<CreatorsGroupService>();
        var heard = new List<string>();

        var (first, next) = await group.ListMembersPageAsync(null, default);
        var (second, last) = await group.ListMembersPageAsync(next, default);
        var all = await group.ListMembersAsync(new Core.Walk.WalkOptions(), new SynchronousProgress(heard), default);

        Assert.Equal((50, 3), (first.Count, second.Count));
        Assert.NotNull(next);
        Assert.Null(last);
        Assert.Equal(usernames, first.Concat(second).Select(m => m.User.Username).Order(StringComparer.Ordinal));
        Assert.Equal(usernames, all.Select(m => m.User.Username));
        Assert.Equal(["Listed 50 members.", "Listed 53 members."], heard);
    }

    [Fact]
    public async Task Adding_to_a_group_that_does_not_exist_says_to_ensure_it_first()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);
        await world.UserAsync("mariasantos");

        var error = await Assert.ThrowsAsync<GroupMissingException>(() => world.Get<CreatorsGroupService>().AddAsync("mariasantos", default));

        Assert.Contains("does not exist", error.Message);
    }
}

/// <summary>Hears progress on the reporting thread, in order (Progress&lt;T&gt; posts it later, to the thread pool).</summary>
internal sealed class SynchronousProgress(List<string> heard) : IProgress<string>
{
    public void Report(string value)
    {
        lock (heard) heard.Add(value);
    }
}
