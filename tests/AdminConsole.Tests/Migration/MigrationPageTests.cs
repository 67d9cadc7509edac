using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace AdminConsole.Tests.Migration;

/// <summary>The migration page follows a run of this process from the run's own events, and reads nothing from DynamoDB while it runs (its timers on a fake clock).</summary>
[Collection(JobsCollection.Name)]
public sealed class MigrationPageTests : MudTestContext
{
    private readonly List<string> operations = [];
    private readonly FakeTimeProvider clock = new(DateTimeOffset.UtcNow);
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

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
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
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
}
