using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Creators;

[Collection(EmulatorCollection.Name)]
public sealed class ConsistencyReportTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_seeded_broken_state_produces_every_finding_once()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        var sam = await world.UserAsync("samrivera");
        var alex = await world.UserAsync("alexchen");
        await world.UserAsync("opsadmin");
        var priya = await world.UserAsync("priyapatel");
        await world.DisableUserAsync("samrivera");
        foreach (var member in new[] { "jesskoufo", "samrivera", "opsadmin", "priyapatel" }) await world.AddToGroupAsync(member);
        await world.CreatorAsync("no-user");
        await world.CreatorAsync("by-username", "jesskoufo");
        await world.CreatorAsync("ghost", "0b7e4a3c-0000-4000-8000-000000000000");
        await world.CreatorAsync("disabled", sam.Sub);
        await world.CreatorAsync("outsider", alex.Sub);
        await world.CreatorAsync("twin-a", priya.Sub);
        await world.CreatorAsync("twin-b", priya.Sub);
        await world.RawCreatorAsync("dupe", jess.Sub);
        await world.RawCreatorAsync("dupe", jess.Sub);

        var report = await world.Get<ConsistencyReport>().RunAsync(default);

        var found = report.Findings.Select(f => (f.Kind, string.Join(",", f.Slugs), f.Username)).ToHashSet();
        Assert.Equal(new HashSet<(ConsistencyKind, string, string?)>
        {
            (ConsistencyKind.CreatorUnlinked, "no-user", null),
            (ConsistencyKind.UserIdHoldsUsername, "by-username", "jesskoufo"),
            (ConsistencyKind.LinkedUserMissing, "ghost", null),
            (ConsistencyKind.LinkedUserDisabled, "disabled", "samrivera"),
            (ConsistencyKind.LinkedUserNotInGroup, "outsider", "alexchen"),
            (ConsistencyKind.MemberWithoutCreator, "", "opsadmin"),
            (ConsistencyKind.SharedUserId, "twin-a,twin-b", "priyapatel"),
            (ConsistencyKind.SharedUserId, "dupe,dupe", "jesskoufo"),
            (ConsistencyKind.DuplicateSlug, "dupe", null),
        }, found);
        Assert.Equal(9, report.Findings.Count);
        Assert.False(report.Clean);
    }

    [Fact]
    public async Task A_linked_creator_in_the_group_is_clean()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        await world.AddToGroupAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo", jess.Sub);

        var report = await world.Get<ConsistencyReport>().RunAsync(default);

        Assert.True(report.Clean, string.Join("\n", report.Findings.Select(f => f.Message)));
        Assert.Equal(1, report.Creators);
        Assert.Equal(1, report.Members);
    }

    [Fact]
    public async Task A_disabled_creator_without_a_user_is_clean_as_its_way_back_leaves_it()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var creator = Creator.New("gone", "Gone", DateTimeOffset.UtcNow) with { Status = Creator.Disabled };
        await world.Get<Amazon.DynamoDBv2.IAmazonDynamoDB>().PutItemAsync(world.Get<CreatorPlatform.Core.Schema.PlatformSchema>().Creators.Name, CreatorMapper.ToItem(creator));
        await world.CreatorAsync("active-unlinked");

        var report = await world.Get<ConsistencyReport>().RunAsync(default);

        Assert.Equal([(ConsistencyKind.CreatorUnlinked, "active-unlinked")], report.Findings.Select(f => (f.Kind, string.Join(",", f.Slugs))));
    }

    [Fact]
    public async Task A_missing_group_is_a_finding()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators, withGroup: false);

        var report = await world.Get<ConsistencyReport>().RunAsync(default);

        Assert.Equal([ConsistencyKind.GroupMissing], report.Findings.Select(f => f.Kind));
    }
}
