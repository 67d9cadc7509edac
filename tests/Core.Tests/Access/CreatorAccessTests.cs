using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Access;

/// <summary>Against cognito-local with real sign-ins: the ID token a creator gets, and what the platform decides from it.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class CreatorAccessTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_creator_set_up_by_the_guide_alone_cannot_work_and_the_check_says_why_from_a_real_token()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await GuideCreatorAsync(world, "jess");

        var access = Assert.Single((await world.Get<AccessCheckService>().CheckAsync(default)).Creators);

        Assert.False(access.CanWork);
        Assert.Equal(ClaimsSource.SignIn, access.Token!.Source);
        Assert.Equal(jess.Sub, access.Token.Sub);
        Assert.Equal(["Creators"], access.Token.Groups);
        Assert.Null(access.Token.CreatorId);
        Assert.Equal(PlatformRole.Viewer, access.Decision!.Role);
        Assert.Equal(AccessProblem.NoCreatorRole, access.Problems[0]);
        Assert.Contains(AccessProblem.PoolLacksCreatorIdAttribute, access.Problems);
        Assert.Contains("Creator role required", access.Reason);
        Assert.True(access.FixedByEnsure);
    }

    [Fact]
    public async Task After_access_ensure_a_fresh_sign_in_carries_both_groups_and_the_creators_id()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var jess = await GuideCreatorAsync(world, "jess");
        var creator = await world.SingleCreatorAsync(jess.Username);

        var run = await EnsureAsync(world);
        var token = await world.Get<SandboxSignIn>().SignInAsync(world.PoolId, jess.Username, default);
        var report = await world.Get<AccessCheckService>().CheckAsync(default);

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Contains("creator", token.Groups);
        Assert.Contains("Creators", token.Groups);
        Assert.Equal(creator.Id, token.CreatorId);
        Assert.True(report.AllActiveCanWork);
        Assert.Equal(PlatformRole.Creator, Assert.Single(report.Creators).Decision!.Role);
        Assert.Empty(report.Pool.MissingGroups);
        Assert.True(report.Pool.HasCreatorIdAttribute);
    }

    [Fact]
    public async Task The_groups_access_ensure_writes_into_the_pool_are_described_in_plain_words()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await GuideCreatorAsync(world, "jess");

        await EnsureAsync(world);
        var groups = await world.Cognito.ListAllGroupsAsync(world.PoolId);

        Assert.Equal(3, groups.Count(g => g.GroupName is "creator" or "admin" or "Creators"));
        Assert.All(groups, g => Assert.Empty(CreatorPlatform.Tests.Shared.DeveloperWords.In(g.Description ?? "")));
        Assert.All(groups, g => Assert.False(string.IsNullOrWhiteSpace(g.Description), g.GroupName));
    }

    [Fact]
    public async Task Running_access_ensure_again_changes_nothing_and_audits_nothing_new()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await GuideCreatorAsync(world, "jess");
        await EnsureAsync(world);
        var changesBefore = await ChangeEntriesAsync(world);

        var second = await EnsureAsync(world);

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Counter("groups created"));
        Assert.Equal(0, second.Counter("attributes added"));
        Assert.Equal(0, second.Counter("creators changed"));
        Assert.Equal(1, second.Counter("creators already right"));
        Assert.Contains("Nothing to change", second.Text());
        Assert.Equal(changesBefore, await ChangeEntriesAsync(world));
    }

    [Fact]
    public async Task Access_ensure_audits_each_group_the_attribute_and_each_users_change()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await GuideCreatorAsync(world, "jess");

        await EnsureAsync(world);
        var actions = (await world.Get<AuditReader>().ReadAsync(new AuditFilter(), null, 200, default)).Entries
            .Where(e => e.JobId is not null && !e.Action.StartsWith(AccessEnsureService.JobKind, StringComparison.Ordinal)).Select(e => e.Action).ToList();

        Assert.Equal(2, actions.Count(a => a == AuditActions.GroupCreated));
        Assert.Single(actions, a => a == AuditActions.PoolAttributeAdded);
        Assert.Single(actions, a => a == AuditActions.UserAttributeSet);
        Assert.Single(actions, a => a == AuditActions.MemberAdded);
    }

    [Fact]
    public async Task Linking_says_what_is_missing_before_access_ensure_and_grants_everything_after_it()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var before = await world.UserAsync(CreatorsWorld.Unique("early"));
        var early = await world.CreatorAsync(before.Username);
        var beforeLink = await world.Get<LinkageService>().LinkAsync(early.Slug, before.Username, default);
        await EnsureAsync(world);
        var after = await world.UserAsync(CreatorsWorld.Unique("late"));
        var late = await world.CreatorAsync(after.Username);

        var afterLink = await world.Get<LinkageService>().LinkAsync(late.Slug, after.Username, default);
        var token = await world.Get<SandboxSignIn>().SignInAsync(world.PoolId, after.Username, default);

        Assert.Contains(beforeLink.Access.Missing, m => m.Contains("custom:creatorId"));
        Assert.Contains(beforeLink.Access.Missing, m => m.Contains("'creator' does not exist"));
        Assert.Empty(afterLink.Access.Missing);
        Assert.Equal(late.Id, token.CreatorId);
        Assert.Contains("creator", token.Groups);
        Assert.Contains("Creators", token.Groups);
    }

    [Fact]
    public async Task Adding_a_linked_creators_user_to_the_group_also_grants_the_role_group_and_the_creator_id_once_the_pool_allows_it()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await EnsureAsync(world);
        var user = await world.UserAsync(CreatorsWorld.Unique("grp"));
        var creator = await world.RawCreatorAsync(user.Username, userId: user.Sub);

        var added = await world.Get<CreatorsGroupService>().AddAsync(user.Username, default);
        var token = await world.Get<SandboxSignIn>().SignInAsync(world.PoolId, user.Username, default);

        Assert.Equal(MemberOutcome.Added, added.Outcome);
        Assert.Contains("added", added.Detail);
        Assert.DoesNotContain("Still missing", added.Detail);
        Assert.Equal(["Creators", "creator"], token.Groups.Order(StringComparer.Ordinal));
        Assert.Equal(creator.Id, token.CreatorId);
    }

    [Fact]
    public async Task The_check_over_every_creator_reads_them_a_page_at_a_time_at_the_given_pace_and_reports_its_progress()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        foreach (var name in new[] { "anna", "ben", "cleo" }) await world.CreatorAsync(CreatorsWorld.Unique(name));
        var heard = new List<string>();
        var pace = new Core.Walk.WalkOptions { CognitoRequestsPerSecond = 50, DynamoDbRequestsPerSecond = 50, Parallelism = 2 };

        var report = await world.Get<AccessCheckService>().CheckAsync(default, new SynchronousProgress(heard), pace);

        Assert.Equal(3, report.Creators.Count);
        Assert.All(report.Creators, c => Assert.Equal(AccessProblem.NotLinked, c.Problems[0]));
        Assert.Equal(["Checked 3 creators (at most 50.0 Cognito requests a second)."], heard);
    }

    [Fact]
    public async Task A_creator_whose_userId_holds_the_username_cannot_work_because_the_sub_lookup_finds_nothing()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var user = await world.UserAsync(CreatorsWorld.Unique("named"));
        await world.RawCreatorAsync(user.Username, userId: user.Username);

        var access = Assert.Single((await world.Get<AccessCheckService>().CheckAsync(default)).Creators);

        Assert.False(access.CanWork);
        Assert.Equal(AccessProblem.UserNotFound, access.Problems[0]);
        Assert.False(access.FixedByEnsure);
    }

    [Fact]
    public async Task The_rollout_step_after_8_3_is_red_after_a_walk_until_access_ensure_and_green_after_the_next_walk()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await GuideCreatorAsync(world, "jess");
        var step = world.Get<IEnumerable<IRolloutCheck>>().Single(c => c.Step == CreatorsCanWorkCheck.StepId);

        var unwalked = await step.CheckAsync(default);
        await WalkAsync(world);
        var before = await step.CheckAsync(default);
        await EnsureAsync(world);
        await WalkAsync(world);
        var after = await step.CheckAsync(default);

        Assert.Equal(CheckState.NotCovered, unwalked.State);
        Assert.DoesNotContain("above", unwalked.Detail); // on a phone the walk panel stands below the steps
        Assert.Equal(CheckState.Red, before.State);
        Assert.Contains("Creator role required", before.Detail);
        Assert.Equal(CheckState.Green, after.State);
    }

    [Fact]
    public void Groups_joined_with_commas_as_api_gateway_passes_them_read_as_a_list()
    {
        var payload = Convert.ToBase64String("""{"sub":"s-1","cognito:groups":"creator,Creators","custom:creatorId":"c-1"}"""u8.ToArray())
            .TrimEnd('=').Replace('+', '-').Replace('/', '_');

        var claims = TokenClaims.FromIdToken($"e30.{payload}.sig", "custom:creatorId");

        Assert.Equal(["creator", "Creators"], claims.Groups);
        Assert.Equal("c-1", claims.CreatorId);
    }

    private static async Task WalkAsync(CreatorsWorld world)
    {
        var run = await world.Get<JobRunner>().RunToEndAsync(CreatorPlatform.Core.Walk.PlatformWalk.JobKind, world.Get<CreatorPlatform.Core.Walk.PlatformWalk>().RunAsync);
        Assert.True(run.State == JobState.Succeeded, run.Text());
    }

    /// <summary>Steps 8.1 to 8.3 as the guide says (the group, membership) with the linkage done by sub.</summary>
    private static async Task<CognitoUser> GuideCreatorAsync(CreatorsWorld world, string prefix)
    {
        var user = await world.UserAsync(CreatorsWorld.Unique(prefix));
        await world.CreatorAsync(user.Username, user.Sub);
        await world.AddToGroupAsync(user.Username);
        return user;
    }

    private static Task<JobRun> EnsureAsync(CreatorsWorld world) =>
        world.Get<JobRunner>().RunToEndAsync(AccessEnsureService.JobKind, job => world.Get<AccessEnsureService>().RunAsync(job, irreversibleConfirmed: false));

    private static async Task<int> ChangeEntriesAsync(CreatorsWorld world) =>
        (await world.Get<AuditReader>().ReadAsync(new AuditFilter(), null, 200, default)).Entries.Count(e => !e.Action.StartsWith(AccessEnsureService.JobKind,
            StringComparison.Ordinal));
}
