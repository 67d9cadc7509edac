using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Migration;

/// <summary>The migration page follows a run of this process from the run's own events, and reads nothing from DynamoDB while it runs.</summary>
[Collection(JobsCollection.Name)]
public sealed class MigrationPageTests : MudTestContext
{
    private readonly List<string> operations = [];
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

    public MigrationPageTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        Services.AddCoreWithoutTables(operations);
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
        await Task.Delay(200);
        lock (operations) operations.Clear();

        job.Set("scanned", 40);
        page.WaitForAssertion(() => Assert.Contains("40", page.Find("[data-testid='scanned']").TextContent));
        await Task.Delay(300);
        job.Add("scanned", 60);
        page.WaitForAssertion(() => Assert.Contains("100", page.Find("[data-testid='scanned']").TextContent));
        await Task.Delay(1_500);
        var whileRunning = Operations;
        go.SetResult();
        await run.Completion;

        Assert.Empty(whileRunning);
        page.WaitForAssertion(() => Assert.NotEmpty(Operations));
    }
}
