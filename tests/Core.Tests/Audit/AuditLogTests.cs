using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Audit;

/// <summary>Every kind of change leaves its entry in the ops table, as the admin who made it, against DynamoDB Local and cognito-local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AuditLogTests(EmulatorFixture emulators)
{
    private static async Task<IReadOnlyList<AuditEntry>> AllAsync(CreatorsWorld world, AuditFilter? filter = null) =>
        (await world.Get<AuditReader>().ReadAsync(filter ?? new(), null, 500, default)).Entries;

    [Fact]
    public async Task Each_kind_of_change_writes_one_entry_with_the_admins_name_and_object_id()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await world.UserAsync("jesskoufo");
        var creator = await world.CreatorAsync("jesskoufo");
        var group = world.Get<CreatorsGroupService>();

        await group.AddAsync("jesskoufo", default);
        await group.RemoveAsync("jesskoufo", default);
        await world.Get<LinkageService>().LinkAsync("jesskoufo", "jesskoufo", default);
        await world.Get<CreatorDirectory>().SetStatusAsync(creator.Id, Creator.Disabled, default);
        await world.Get<CreatorDirectory>().SetStatusAsync(creator.Id, Creator.Active, default);
        await world.UserAsync("maria");
        await world.Get<OnboardingService>().StartAsync(new CreatorProfile("maria", "Maria", "", new("", "", ""), new("#112233", "#445566", "Inter")),
            OnboardingUser.ExistingUser("maria"), default);

        var entries = await AllAsync(world);
        var actions = entries.Select(e => e.Action).ToList();
        foreach (var action in new[] { "schema.started", "schema.succeeded", AuditActions.GroupCreated, AuditActions.MemberRemoved, AuditActions.CreatorEnabled,
                     AuditActions.CreatorDisabled, AuditActions.CreatorOnboarded })
            Assert.Single(entries, e => e.Action == action);
        // jesskoufo added, then (after the removal) added again by the link, which grants the creator groups; maria by onboarding.
        Assert.Equal(3, actions.Count(a => a == AuditActions.MemberAdded));
        Assert.Equal(2, actions.Count(a => a == AuditActions.CreatorCreated));
        Assert.Equal(2, actions.Count(a => a == AuditActions.CreatorLinked));
        Assert.All(entries, e => Assert.Equal((EmulatorFixture.TestAdmin.Name, EmulatorFixture.TestAdmin.Id), (e.ActorName, e.ActorId)));
        Assert.All(entries, e => Assert.Contains(e.Outcome, new[] { AuditOutcome.Succeeded, AuditOutcome.Started }));
        Assert.Equal(entries.OrderByDescending(e => e.At).Select(e => e.Id), entries.Select(e => e.Id));
        var linked = Assert.Single(entries, e => e.Action == AuditActions.CreatorLinked && e.Target.StartsWith("jesskoufo", StringComparison.Ordinal));
        Assert.Null(linked.Before);
        Assert.Equal(jess.Sub, linked.After);
        var disabled = Assert.Single(entries, e => e.Action == AuditActions.CreatorDisabled);
        Assert.Equal((Creator.Active, Creator.Disabled), (disabled.Before, disabled.After));
    }

    [Fact]
    public async Task The_log_pages_newest_first_by_key_and_filters_by_action_person_and_date()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var log = world.Get<AuditLog>();
        var other = new Actor("Other Admin", "oid-other", AdminRole.Admin, "tests");
        for (var i = 0; i < 7; i++)
            await log.WriteAsync(log.Entry(i % 2 == 0 ? other : EmulatorFixture.TestAdmin, AuditActions.MemberAdded, $"user{i}"), default);
        var reader = world.Get<AuditReader>();

        var first = await reader.ReadAsync(new(AuditActions.MemberAdded), null, 3, default);
        var second = await reader.ReadAsync(new(AuditActions.MemberAdded), first.Next, 3, default);
        var third = await reader.ReadAsync(new(AuditActions.MemberAdded), second.Next, 3, default);
        var byOther = await AllAsync(world, new(ActorId: "oid-other"));
        var otherAndAction = await AllAsync(world, new(AuditActions.MemberAdded, "oid-other"));
        var tomorrow = DateOnly.FromDateTime(DateTime.UtcNow.AddDays(1));
        var future = await AllAsync(world, new(From: tomorrow));

        Assert.Equal(["user6", "user5", "user4", "user3", "user2", "user1", "user0"], first.Entries.Concat(second.Entries).Concat(third.Entries).Select(e => e.Target));
        Assert.Null(third.Next);
        Assert.Equal(["user6", "user4", "user2", "user0"], byOther.Select(e => e.Target));
        Assert.Equal(4, otherAndAction.Count);
        Assert.Empty(future);
        Assert.Contains(await reader.PeopleAsync(default), p => p.Id == "oid-other" && p.Name == "Other Admin");
    }
}
