using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using System.Diagnostics;
using System.Text.Json;
using CreatorPlatform.Core;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminConsole.Tests.Migration;

/// <summary>The migration page follows a run of this process from the run's own events, and reads nothing from DynamoDB while it runs (its timers on a fake clock).</summary>
[Collection(JobsCollection.Name)]
public sealed class MigrationPageTests : MudTestContext
{
    private readonly List<string> operations = [];
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;
    private ServiceProvider core = null!;

    public MigrationPageTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        Services.AddCoreWithoutTables(operations);
        Services.AddSingleton<TimeProvider>(clock);
        var auth = AddAuthorization();
        auth.SetAuthorized("Ada Admin");
        auth.SetPolicies(Policies.Admin, Policies.Viewer);
    }

    /// <summary>Core's own runner, auditing to DynamoDB Local, as the app's: jobs start as alice, an admin.</summary>
    protected override async Task InitializeAsync()
    {
        core = await jobs.CoreAsync();
        runner = core.GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    private IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    [Fact]
    public async Task A_running_migration_redraws_from_its_counters_without_reading_the_ops_table()
    {
        var go = new TaskCompletionSource();
        var started = new TaskCompletionSource<JobContext>();
        var run = runner.Start(MigrationJob.JobKind, "Migration", async job =>
        {
            started.SetResult(job);
            await go.Task;
        });
        var job = await started.Task;
        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='migration-progress']")));
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='migration-history']"))); // its state was read
        lock (operations) operations.Clear();

        job.Set("scanned", 40);
        page.WaitForAssertion(() => Assert.Contains("40", page.Find("[data-testid='scanned']").TextContent));
        clock.Advance(TimeSpan.FromMilliseconds(300)); // past the page's redraw throttle
        job.Add("scanned", 60);
        page.WaitForAssertion(() => Assert.Contains("100", page.Find("[data-testid='scanned']").TextContent));
        clock.Advance(TimeSpan.FromSeconds(11)); // two ticks of the timer that re-reads a run going on elsewhere
        await page.InvokeAsync(() => { }); // the ticks' turns on the renderer have been taken
        var whileRunning = Operations;
        go.SetResult();
        await run.Completion;

        Assert.Empty(whileRunning);
        page.WaitForAssertion(() => Assert.NotEmpty(Operations));
    }

    [Fact]
    public async Task A_page_opened_while_the_CLI_migrates_shows_the_runs_stored_counts_and_eta_and_follows_them()
    {
        Services.AddSingleton(core.GetRequiredService<MigrationScreen>()); // its state from the ops table the CLI writes to
        var cli = ActivatorUtilities.CreateInstance<JobLease>(core);
        await using var held = await cli.AcquireAsync(MigrationJob.LeaseName, "bob (CLI)", "run-cli", default, MigrationJob.JobKind);
        var history = core.GetRequiredService<MigrationHistory>();
        var startedAt = DateTimeOffset.UtcNow.AddSeconds(-25);
        var running = new MigrationRunRecord("run-cli", RunKinds.Migrate, "bob (CLI)", startedAt, null, RunOutcomes.Running,
            new Dictionary<string, string>(), new Dictionary<string, long>(), null, null);
        await history.SaveAsync(running, default);
        await history.SaveProgressAsync(running with { Progress = Stored(startedAt.AddSeconds(25), scanned: 250) }, default);

        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.Contains("250", page.Find("[data-testid='scanned']").TextContent));
        var opened = (Scanned: page.Find("[data-testid='scanned']").TextContent, Eta: page.Find("[data-testid='eta']").TextContent,
            Percent: page.Find("[data-testid='progress-percent']").TextContent, Elsewhere: page.Find("[data-testid='running-elsewhere']").TextContent);
        await history.SaveProgressAsync(running with { Progress = Stored(startedAt.AddSeconds(50), scanned: 500) }, default);
        clock.Advance(TimeSpan.FromSeconds(6)); // a tick of the timer that re-reads a run going on elsewhere

        Assert.Contains("1,000", opened.Scanned);
        Assert.Contains("1:15", opened.Eta); // 750 left at 10 a second
        Assert.Contains("25%", opened.Percent);
        Assert.Contains("bob (CLI)", opened.Elsewhere);
        page.WaitForAssertion(() => Assert.Contains("500", page.Find("[data-testid='scanned']").TextContent));
        Assert.Contains("50%", page.Find("[data-testid='progress-percent']").TextContent);
        Assert.Contains("0:50", page.Find("[data-testid='eta']").TextContent);
    }

    [Fact]
    public async Task While_another_process_holds_the_migrations_lease_its_writes_wait_and_the_page_says_who_holds_it_until_it_is_released()
    {
        var core = await ClockedCoreAsync();
        var cli = ActivatorUtilities.CreateInstance<JobLease>(core, OtherProcessClock());
        var held = await cli.AcquireAsync(MigrationJob.LeaseName, "bob (CLI)", "run-cli", default, MigrationJob.JobKind);
        var lease = await cli.ReadAsync(MigrationJob.LeaseName, default);
        var clicked = core.GetRequiredService<MigrationJobs>().StartMigration(); // what the Migrate button starts
        await clicked.Completion;

        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='running-elsewhere']")));
        var whileHeld = (Elsewhere: page.Find("[data-testid='running-elsewhere']").TextContent, Disabled: DisabledButtons(page));
        await held.DisposeAsync();
        clock.Advance(TimeSpan.FromSeconds(6)); // a tick of the page's timer: the state is read again

        Assert.Equal(JobState.Failed, clicked.State);
        Assert.Contains("Another migration run is in progress: started by bob (CLI)", clicked.Error);
        Assert.Contains("bob (CLI)", whileHeld.Elsewhere);
        Assert.Contains($"on {Environment.MachineName} at {lease!.AcquiredAt:HH:mm:ss} UTC", whileHeld.Elsewhere);
        Assert.Equal(["migrate", "repair-featured", "undo-run-done"], whileHeld.Disabled);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='running-elsewhere']")));
        Assert.Empty(DisabledButtons(page));
    }

    [Fact]
    public async Task A_lease_taken_elsewhere_while_the_page_is_open_disables_its_writes_until_the_lease_runs_out()
    {
        var core = await ClockedCoreAsync();
        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='undo-run-done']")));
        var before = DisabledButtons(page);
        // A holder whose heartbeat never renews (its clock stands still): its lease runs out on the page's clock.
        var cli = ActivatorUtilities.CreateInstance<JobLease>(core, OtherProcessClock());
        await cli.AcquireAsync(MigrationJob.LeaseName, "bob (CLI)", "run-cli", default, MigrationJob.JobKind);

        clock.Advance(TimeSpan.FromSeconds(6)); // a tick: the lease is read, and has changed hands
        page.WaitForAssertion(() => Assert.Contains("bob (CLI)", page.Find("[data-testid='running-elsewhere']").TextContent));
        var whileHeld = DisabledButtons(page);
        clock.Advance(TimeSpan.FromSeconds(31)); // past the lease's 30 seconds, unrenewed

        Assert.Empty(before);
        Assert.Equal(["migrate", "repair-featured", "undo-run-done"], whileHeld);
        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='running-elsewhere']")));
        Assert.Empty(DisabledButtons(page));
    }

    [Fact]
    public async Task DynamoDB_Local_killed_under_the_page_shows_the_failed_read_and_the_error_goes_once_a_read_works_again()
    {
        var (dynamoDbPort, cognitoPort) = (SandboxEmulators.FreePort(), SandboxEmulators.FreePort());
        await using var own = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null, dynamoDbPort, cognitoPort,
            NullLogger.Instance, CancellationToken.None, realisticDelays: false);
        await ClockedCoreAsync(await jobs.CoreAsync(dynamoDbPort, cognitoPort, clock));
        var page = Render<MigrationPage>();
        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='undo-run-done']")));

        using (var dynamoDb = Process.GetProcessById(own.ProcessIds[SandboxEmulators.DynamoDbName])) dynamoDb.Kill();
        clock.Advance(TimeSpan.FromSeconds(6)); // a tick: the lease read fails, so the page reads its state and says why
        page.WaitForAssertion(() => Assert.Contains("could not be read", page.Find("[data-testid='migration-error']").TextContent), TimeSpan.FromSeconds(60));
        // Where and what to do, in words: no socket error text for the admin to decode.
        Assert.Contains($"DynamoDB at http://127.0.0.1:{dynamoDbPort} refused the connection", page.Find("[data-testid='migration-error']").TextContent);
        Assert.Contains("Check that the sandbox's DynamoDB Local runs", page.Find("[data-testid='migration-error']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='error-raw']"));
        await own.RestartAsync(SandboxEmulators.DynamoDbName, CancellationToken.None); // in memory: back, and empty
        clock.Advance(TimeSpan.FromSeconds(6));

        page.WaitForAssertion(() => Assert.Empty(page.FindAll("[data-testid='migration-error']")), TimeSpan.FromSeconds(60));
    }

    /// <summary>
    /// Core on the page's clock, whose screen and jobs the page uses, with a journaled migration run whose verification
    /// counts boolean featured values: the page offers Migrate, Undo and Repair.
    /// </summary>
    private async Task<ServiceProvider> ClockedCoreAsync(ServiceProvider? on = null)
    {
        var core = on ?? await jobs.CoreAsync(clock);
        Services.AddSingleton(core.GetRequiredService<MigrationScreen>());
        Services.AddSingleton(core.GetRequiredService<MigrationJobs>());
        var report = new VerificationReport("jesskoufo", 1, 10, 10, new Dictionary<string, ProblemCount>(),
            new Dictionary<string, long> { ["\"false\""] = 7, ["true (boolean)"] = 3 }, new ProblemCount(3, ["p1"]));
        var at = clock.GetUtcNow().AddMinutes(-5);
        await core.GetRequiredService<MigrationHistory>().SaveAsync(new MigrationRunRecord("run-done", RunKinds.Migrate, "ada", at, at.AddMinutes(1),
            RunOutcomes.Succeeded, new Dictionary<string, string> { [MigrationJob.JournalSetting] = "35 days" }, new Dictionary<string, long>(),
            JsonSerializer.Serialize(report), null), default);
        return core;
    }

    /// <summary>Another process's clock, at the page's time now and standing still there.</summary>
    private FakeTimeProvider OtherProcessClock() => new(clock.GetUtcNow());

    private static List<string?> DisabledButtons(IRenderedComponent<MigrationPage> page) =>
        page.FindAll("button[data-testid]").Where(b => b.HasAttribute("disabled")).Select(b => b.GetAttribute("data-testid")).Order().ToList();

    /// <summary>What a migration run's job stores of its counters: one segment, a 1,000-item table, 200 of each 250 scanned updated.</summary>
    private static RunProgress Stored(DateTimeOffset at, long scanned) => new(at, new Dictionary<string, long>
    {
        ["segments"] = 1, ["table items"] = 1_000, ["prior scanned"] = 0, ["scanned"] = scanned, ["updated"] = scanned * 4 / 5, ["skipped"] = scanned / 5,
        ["segment 0 scanned"] = scanned, ["segment 0 updated"] = scanned * 4 / 5, ["segment 0 skipped"] = scanned / 5,
    });
}
