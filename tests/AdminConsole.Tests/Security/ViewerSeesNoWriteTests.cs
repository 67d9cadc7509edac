using AdminConsole.Components.Pages.Creators;
using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Security;

/// <summary>Rendered with bUnit's AddAuthorization() as a viewer: no button that writes, and no raw AWS text.</summary>
[Collection(JobsCollection.Name)]
public sealed class ViewerSeesNoWriteTests : MudTestContext
{
    private static readonly string[] WriteButtons =
        ["job-cancel", "onboard", "reset-sandbox", "apply-schema", "run-migration", "fix-", "run-rebuild", "generate-traffic", "access-ensure"];
    private readonly JobsFixture jobs;
    private JobRunner runner = null!;

    public ViewerSeesNoWriteTests(JobsFixture jobs)
    {
        this.jobs = jobs;
        AsViewer();
        ComponentFactories.AddStub<CreatorsList>();
        ComponentFactories.AddStub<GroupPanel>();
        ComponentFactories.AddStub<ConsistencyPanel>();
        ComponentFactories.AddStub<UserPoolSourceView>();
        ComponentFactories.AddStub<AccessPanel>();
    }

    /// <summary>Core's own runner, auditing to DynamoDB Local, as the app's: jobs start as alice, an admin.</summary>
    protected override async Task InitializeAsync()
    {
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    private static void AssertNoWriteButton<T>(IRenderedComponent<T> rendered) where T : Microsoft.AspNetCore.Components.IComponent
    {
        foreach (var element in rendered.FindAll("[data-testid]"))
        {
            var id = element.GetAttribute("data-testid")!;
            Assert.DoesNotContain(WriteButtons, w => id.StartsWith(w, StringComparison.Ordinal));
        }
    }

    [Fact]
    public void A_running_jobs_log_has_no_cancel_button_for_a_viewer()
    {
        var run = runner.Start("test", "Apply schema", async job => await Task.Delay(Timeout.Infinite, job.CancellationToken));

        var log = Render<JobLog>(p => p.Add(c => c.Run, run));

        Assert.Equal("Running", log.Find("[data-testid='job-state']").TextContent.Trim());
        Assert.Empty(log.FindAll("[data-testid='job-cancel']"));
        Assert.Empty(log.FindAll("button"));
    }

    [Fact]
    public void The_creators_page_offers_a_viewer_no_onboarding()
    {
        var page = Render<CreatorsPage>();

        Assert.Empty(page.FindAll("[data-testid='onboard']"));
        AssertNoWriteButton(page);
    }

    [Fact]
    public void A_trouble_shows_a_viewer_the_plain_words_and_next_step_but_not_the_raw_aws_message()
    {
        var troubleshooter = new Troubleshooter(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws }));
        var error = new InvalidOperationException("User: arn:aws:iam::123456789012:user/ops-admin is not authorized (request 9f2c)");

        var alert = Render<TroubleAlert>(p => p.Add(c => c.Trouble, troubleshooter.Explain(error)));

        Assert.DoesNotContain("123456789012", alert.Markup);
        Assert.Contains("The call failed", alert.Markup);
        Assert.NotNull(alert.Find("[data-testid='trouble-viewer']"));
    }

    [Fact]
    public void An_error_shows_a_viewer_the_plain_words_only()
    {
        var alert = Render<ErrorAlert>(p => p.Add(c => c.Plain, "The creators could not be read.").Add(c => c.Raw, "arn:aws:iam::123456789012:role/x"));

        Assert.Contains("The creators could not be read.", alert.Markup);
        Assert.DoesNotContain("123456789012", alert.Markup);
    }
}
