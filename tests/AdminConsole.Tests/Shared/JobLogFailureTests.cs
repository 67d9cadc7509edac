using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Jobs;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Shared;

[Collection(JobsCollection.Name)]
public sealed class JobLogFailureTests : MudTestContext
{
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

    public JobLogFailureTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        AsAdmin();
    }

    protected override async Task InitializeAsync()
    {
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    [Fact]
    public async Task A_failing_ended_callback_of_a_job_is_shown_on_the_page_instead_of_lost()
    {
        var release = new TaskCompletionSource();
        var run = runner.Start("test", "Test job", _ => release.Task);
        var page = Render<PageErrorBoundary>(p => p.AddChildContent<JobLog>(l => l
            .Add(x => x.Run, run)
            .Add(x => x.Ended, EventCallback.Factory.Create<JobRun>(this, _ => throw new TimeoutException("the re-read after the job timed out")))));

        release.SetResult();
        await run.Completion;

        page.WaitForAssertion(() => Assert.Contains("AWS did not answer in time", page.Find("[data-testid=page-error]").TextContent));
    }
}
