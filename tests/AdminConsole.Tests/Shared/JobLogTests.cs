using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Shared;

[Collection(JobsCollection.Name)]
public sealed class JobLogTests : MudTestContext
{
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

    public JobLogTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        AsAdmin();
    }

    /// <summary>Core's own runner, auditing to DynamoDB Local, as the app's: jobs start as alice, an admin.</summary>
    protected override async Task InitializeAsync()
    {
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    [Fact]
    public async Task The_log_follows_a_running_job_to_its_end()
    {
        var step = new TaskCompletionSource();
        var run = runner.Start("test", "Apply schema", async job =>
        {
            job.Info("Creating table CreatorsTable...");
            await step.Task;
            job.Success("✓ Schema applied (1 change).");
        });
        var ended = false;

        var log = Render<JobLog>(p => p.Add(c => c.Run, run).Add(c => c.Ended, _ => ended = true));
        log.WaitForAssertion(() => Assert.Contains("Creating table CreatorsTable...", log.Markup));
        step.SetResult();
        await run.Completion;

        log.WaitForAssertion(() => Assert.Equal("Succeeded", log.Find("[data-testid='job-state']").TextContent.Trim()));
        Assert.Contains("✓ Schema applied (1 change).", log.Markup);
        Assert.Contains("started by alice", log.Find("[data-testid='job-log']").TextContent);
        Assert.True(ended);
    }

    [Fact]
    public async Task A_job_that_declares_its_work_shows_a_bar_and_how_much_is_done()
    {
        var step = new TaskCompletionSource();
        var run = runner.Start("test", "Generate sandbox traffic", async job =>
        {
            job.Track("days written", 450, "days written (creators × days)");
            job.Add("days written", 90);
            await step.Task;
            job.Add("days written", 360);
        });

        var log = Render<JobLog>(p => p.Add(c => c.Run, run));
        log.WaitForAssertion(() => Assert.Equal("90 of 450 days written (creators × days) (20%)", Text(log, "job-progress-text")));
        step.SetResult();
        await run.Completion;

        log.WaitForAssertion(() => Assert.Equal("450 of 450 days written (creators × days) (100%)", Text(log, "job-progress-text")));
        Assert.NotNull(log.Find("[data-testid='job-progress']"));
    }

    [Fact]
    public async Task A_job_without_a_known_amount_of_work_shows_no_bar()
    {
        var run = runner.Start("test", "Apply schema", job => { job.Add("tables created"); return Task.CompletedTask; });
        await run.Completion;

        var log = Render<JobLog>(p => p.Add(c => c.Run, run));

        Assert.Empty(log.FindAll("[data-testid='job-progress']"));
    }

    private static string Text(IRenderedComponent<JobLog> log, string testId) =>
        System.Text.RegularExpressions.Regex.Replace(log.Find($"[data-testid='{testId}']").TextContent, @"\s+", " ").Trim();

    [Fact]
    public async Task A_failed_job_shows_failed_and_its_reason()
    {
        var run = runner.Start("test", "Apply schema", _ => throw new JobFailedException("Not permitted: dynamodb:CreateTable on CreatorsTable."));
        await run.Completion;

        var log = Render<JobLog>(p => p.Add(c => c.Run, run));

        Assert.Equal("Failed", log.Find("[data-testid='job-state']").TextContent.Trim());
        Assert.Contains("Not permitted: dynamodb:CreateTable on CreatorsTable.", log.Find(".job-log .Error").TextContent);
    }

    [Fact]
    public async Task An_admins_cancel_goes_through_the_runner_and_the_end_names_who_asked()
    {
        var run = runner.Start("test", "Apply schema", async job => await Task.Delay(Timeout.Infinite, job.CancellationToken));
        var log = Render<JobLog>(p => p.Add(c => c.Run, run));

        await log.Find("[data-testid='job-cancel']").ClickAsync(new());
        await run.Completion.WaitAsync(TimeSpan.FromSeconds(60));

        Assert.Equal(JobState.Cancelled, run.State);
        log.WaitForAssertion(() => Assert.Equal("Cancelled", log.Find("[data-testid='job-state']").TextContent.Trim()));
    }
}
