using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>The creator's ways back, against DynamoDB Local and cognito-local: each changes exactly what it says, and is audited.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CreatorRollbackTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Unlink_clears_only_the_user_id_and_audits_the_sub_it_removed()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var (user, creator) = await WorkingCreatorAsync(world);

        var result = await world.Get<CreatorRollback>().UnlinkAsync(creator.Slug, default);

        var after = await world.SingleCreatorAsync(creator.Slug);
        Assert.Null(after.UserId);
        Assert.Equal(creator with { UserId = null, UpdatedAt = after.UpdatedAt }, after);
        Assert.Equal(["Creators", "creator"], await GroupsAsync(world, user.Username));
        Assert.Contains("not linked", result.ReturnsTo);
        var entry = await LastAsync(world, AuditActions.CreatorUnlinked);
        Assert.Equal(($"userId {user.Sub}", "no userId", AuditOutcome.Succeeded), (entry.Before, entry.After, entry.Outcome));
    }

    [Fact]
    public async Task Unlinking_an_unlinked_creator_writes_nothing()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var creator = await world.CreatorAsync(CreatorsWorld.Unique("free"));
        var entries = await CountAsync(world);

        var result = await world.Get<CreatorRollback>().UnlinkAsync(creator.Slug, default);

        Assert.True(result.ChangedNothing);
        Assert.Equal(entries, await CountAsync(world));
    }

    [Fact]
    public async Task Ungroup_removes_the_user_from_both_creator_groups_and_a_fresh_sign_in_carries_neither()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var (user, creator) = await WorkingCreatorAsync(world);

        var result = await world.Get<CreatorRollback>().UngroupAsync(creator.Slug, default);
        var token = await world.Get<SandboxSignIn>().SignInAsync(world.PoolId, user.Username, default);

        Assert.Equal(2, result.Changed.Count);
        Assert.Empty(await GroupsAsync(world, user.Username));
        Assert.Empty(token.Groups);
        Assert.Equal(user.Sub, (await world.SingleCreatorAsync(creator.Slug)).UserId);
        var removed = (await world.Get<AuditReader>().ReadAsync(new AuditFilter(AuditActions.MemberRemoved), null, 50, default)).Entries;
        Assert.Equal(["member of Creators", "member of creator"], removed.Select(e => e.Before!).Order(StringComparer.Ordinal));
        Assert.All(removed, e => Assert.StartsWith("not a member of", e.After));
    }

    [Fact]
    public async Task Ungroup_of_an_unlinked_creator_is_refused_and_says_why()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var creator = await world.CreatorAsync(CreatorsWorld.Unique("free"));

        var refused = await Assert.ThrowsAsync<LinkageException>(() => world.Get<CreatorRollback>().UngroupAsync(creator.Slug, default));

        Assert.Contains("no linked user", refused.Message);
    }

    [Fact]
    public async Task Disable_sets_the_platforms_disabled_status_and_nothing_else_and_audits_before_and_after()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var (user, creator) = await WorkingCreatorAsync(world);

        var result = await world.Get<CreatorRollback>().DisableAsync(creator.Slug, default);

        var after = await world.SingleCreatorAsync(creator.Slug);
        Assert.Equal(creator with { Status = Creator.Disabled, UpdatedAt = after.UpdatedAt }, after);
        Assert.Equal(["Creators", "creator"], await GroupsAsync(world, user.Username));
        Assert.Contains(Creator.Disabled, result.ReturnsTo);
        var entry = await LastAsync(world, AuditActions.CreatorDisabled);
        Assert.Equal((Creator.Active, Creator.Disabled), (entry.Before, entry.After));
    }

    /// <summary>A creator who can work: linked by sub, in both groups, with its creator id.</summary>
    private static async Task<(CognitoUser User, Creator Creator)> WorkingCreatorAsync(CreatorsWorld world)
    {
        await world.Get<JobRunner>().RunToEndAsync(AccessEnsureService.JobKind, job => world.Get<AccessEnsureService>().RunAsync(job, irreversibleConfirmed: false));
        var user = await world.UserAsync(CreatorsWorld.Unique("back"));
        var creator = await world.CreatorAsync(user.Username);
        await world.Get<LinkageService>().LinkAsync(creator.Slug, user.Username, default);
        return (user, await world.SingleCreatorAsync(creator.Slug));
    }

    private static async Task<IReadOnlyList<string>> GroupsAsync(CreatorsWorld world, string username) =>
        (await world.Cognito.ListAllGroupsForUserAsync(world.PoolId, username)).Select(g => g.GroupName!).Order(StringComparer.Ordinal).ToList();

    private static async Task<AuditEntry> LastAsync(CreatorsWorld world, string action) =>
        (await world.Get<AuditReader>().ReadAsync(new AuditFilter(action), null, 10, default)).Entries[0];

    private static async Task<int> CountAsync(CreatorsWorld world) =>
        (await world.Get<AuditReader>().ReadAsync(new AuditFilter(), null, 500, default)).Entries.Count;
}
