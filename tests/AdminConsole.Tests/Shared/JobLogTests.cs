using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminConsole.Tests.Shared;

public sealed class JobLogTests : MudTestContext
{
    [Fact]
    public async Task The_log_follows_a_running_job_to_its_end()
    {
        var runner = new JobRunner(NullLogger<JobRunner>.Instance, TimeProvider.System);
        var step = new TaskCompletionSource();
        var run = runner.Start("test", "Apply schema", "alice", async job =>
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
        Assert.Contains("started by alice", log.Markup);
        Assert.True(ended);
    }

    [Fact]
    public async Task A_failed_job_shows_failed_and_its_reason()
    {
        var runner = new JobRunner(NullLogger<JobRunner>.Instance, TimeProvider.System);
        var run = runner.Start("test", "Apply schema", "alice", _ => throw new JobFailedException("Not permitted: dynamodb:CreateTable on CreatorsTable."));
        await run.Completion;

        var log = Render<JobLog>(p => p.Add(c => c.Run, run));

        Assert.Equal("Failed", log.Find("[data-testid='job-state']").TextContent.Trim());
        Assert.Contains("Not permitted: dynamodb:CreateTable on CreatorsTable.", log.Find(".job-log .Error").TextContent);
    }
}
