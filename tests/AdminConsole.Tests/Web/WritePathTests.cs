using CreatorPlatform.Core.Access;
using AdminConsole.Security;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminConsole.Tests.Web;

/// <summary>Core refuses every write of anyone but an admin before it reaches AWS, whatever page or handler called it.</summary>
public sealed class WritePathTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    public static readonly TheoryData<string> WritePaths = new()
    {
        "schema", "migration", "verify", "dry-run", "pause", "cancel", "group ensure", "group add", "group remove", "link", "fix", "enable", "disable",
            "create creator", "onboard", "resume onboarding",
        "repair featured", "access ensure", "grant access",
    };

    private Func<Task> Write(string path)
    {
        var s = factory.Services;
        T Get<T>() where T : notnull => s.GetRequiredService<T>();
        var none = CancellationToken.None;
        return path switch
        {
            "schema" => () => Task.FromResult(Get<JobRunner>().Start(SchemaApplier.JobKind, "Apply schema", Get<SchemaApplier>().ApplyAsync)),
            "migration" => () => Task.FromResult(Get<MigrationJobs>().StartMigration()),
            "verify" => () => Task.FromResult(Get<MigrationJobs>().StartVerify()),
            "dry-run" => () => Task.FromResult(Get<MigrationJobs>().StartDryRun(_ => { })),
            "pause" => () => StopAsViewerAsync(Get<JobRunner>(), (r, run) => r.PauseAsync(run, none)),
            "cancel" => () => StopAsViewerAsync(Get<JobRunner>(), (r, run) => r.CancelAsync(run, none)),
            "group ensure" => () => Get<CreatorsGroupService>().EnsureAsync(none),
            "group add" => () => Get<CreatorsGroupService>().BulkAddAsync("someone", none),
            "group remove" => () => Get<CreatorsGroupService>().RemoveAsync("someone", none),
            "link" => () => Get<LinkageService>().LinkAsync("jesskoufo", "jesskoufo", none),
            "fix" => () => Get<LinkageService>().FixAsync("jesskoufo", none),
            "enable" => () => Get<CreatorDirectory>().SetStatusAsync("creator-1", Creator.Active, none),
            "disable" => () => Get<CreatorDirectory>().SetStatusAsync("creator-1", Creator.Disabled, none),
            "create creator" => () => Get<CreatorStore>().CreateAsync(Creator.New("new-one", "New One", DateTimeOffset.UtcNow), none),
            "onboard" => () => Get<OnboardingService>().StartAsync(new CreatorProfile("new-one", "New One", "", new("", "", ""), new("#112233", "#445566", "Inter")),
                OnboardingUser.ExistingUser("someone"), none),
            "resume onboarding" => () => Get<OnboardingService>().ResumeAsync("abc", ct: none),
            "repair featured" => ()
                => Task.FromResult(Get<JobRunner>().Start(FeaturedRepair.JobKind, "Repair featured encoding", j => Get<FeaturedRepair>().RunAsync(j, dryRun: false))),
            "access ensure" => ()
                => Task.FromResult(Get<JobRunner>().Start(AccessEnsureService.JobKind, AccessEnsureService.Title, j => Get<AccessEnsureService>().RunAsync(j, true))),
            "grant access" => () => Get<AccessEnsureService>().GrantAsync(Creator.New("jesskoufo", "Jess", DateTimeOffset.UtcNow, "sub-1"),
                new CognitoUser("jesskoufo", "sub-1", null, true, null), none),
            _ => throw new ArgumentOutOfRangeException(nameof(path)),
        };
    }

    /// <summary>An admin's run (started in a flow of its own), paused or cancelled from the viewer's flow.</summary>
    private static async Task StopAsViewerAsync(JobRunner runner, Func<JobRunner, JobRun, Task> stop)
    {
        var viewer = AmbientActor.CurrentActor;
        var gate = new TaskCompletionSource();
        var run = await Task.Run(() =>
        {
            AmbientActor.Set(new Actor("Admin", "oid-admin", AdminRole.Admin, "tests"));
            return runner.Start($"stop-test-{Guid.NewGuid():N}", "Stop test", async j => await gate.Task.WaitAsync(j.CancellationToken));
        });
        AmbientActor.Set(viewer);
        try { await stop(runner, run); }
        finally { gate.SetResult(); }
    }

    [Theory]
    [MemberData(nameof(WritePaths))]
    public async Task A_viewer_is_refused_every_write_entry_point_of_core(string path)
    {
        AmbientActor.Set(factory.Services.GetRequiredService<ConsoleRoles>().ActorOf(TestRoleAuthentication.Principal("viewer")));

        var refused = await Assert.ThrowsAsync<AdminAccessDeniedException>(Write(path));

        Assert.Equal("oid-viewer", refused.Actor.Id);
        Assert.Contains("viewer", refused.Message);
    }

    [Theory]
    [InlineData("norole")]
    [InlineData(null)]
    public async Task Anyone_without_the_admin_role_is_refused_too(string? role)
    {
        var roles = factory.Services.GetRequiredService<ConsoleRoles>();
        AmbientActor.Set(role is null ? Actor.Anonymous : roles.ActorOf(TestRoleAuthentication.Principal(role)));

        await Assert.ThrowsAsync<AdminAccessDeniedException>(Write("group ensure"));
    }

    [Fact]
    public async Task A_viewers_circuit_is_refused_when_its_handler_calls_a_write_even_after_an_admin_acted_in_this_flow()
    {
        AmbientActor.Set(new Actor("Someone else", "oid-admin", AdminRole.Admin, "tests"));
        var handler = new CircuitActorHandler(new FixedState("viewer"), factory.Services.GetRequiredService<ConsoleRoles>(), NullLogger<CircuitActorHandler>.Instance);
        var group = factory.Services.GetRequiredService<CreatorsGroupService>();

        var activity = handler.CreateInboundActivityHandler(async _ => await group.EnsureAsync(CancellationToken.None));

        var refused = await Assert.ThrowsAsync<AdminAccessDeniedException>(() => activity(null!));
        Assert.Equal("oid-viewer", refused.Actor.Id);
    }

    private sealed class FixedState(string role) : AuthenticationStateProvider
    {
        public override Task<AuthenticationState> GetAuthenticationStateAsync() => Task.FromResult(new AuthenticationState(TestRoleAuthentication.Principal(role)));
    }
}
