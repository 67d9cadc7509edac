using AdminConsole.Components.Pages.Overview;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Overview;

/// <summary>The Overview's Verification line is the same truth as the Verification page: the newest stored report.</summary>
[Collection(JobsCollection.Name)]
public sealed class OverviewVerificationLineTests(JobsFixture jobs) : MudTestContext
{
    private ServiceProvider core = null!;

    protected override async Task InitializeAsync()
    {
        core = await jobs.CoreAsync();
        Services.AddSingleton(new RolloutChecklist(core.GetServices<IRolloutCheck>().OfType<VerificationCleanCheck>()));
        Services.AddSingleton(new AwsContext(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws })));
        // The walk's panel beside the checklist, read by a viewer.
        AddAuthorization().SetAuthorized("Vic Viewer").SetPolicies(Policies.Viewer);
        Services.AddSingleton(core.GetRequiredService<PlatformWalk>());
        Services.AddSingleton(core.GetRequiredService<PlatformFactsStore>());
        Services.AddSingleton(core.GetRequiredService<JobRunner>());
    }

    [Fact]
    public void The_checks_the_prerender_ran_are_shown_by_the_live_page_without_checking_again()
    {
        var at = new DateTimeOffset(2026, 12, 4, 9, 30, 15, TimeSpan.Zero);
        var handed = new CheckResult("V", "Verification clean", CheckState.Amber, "As the prerender found it.", ConsoleScreen.Verification);
        PrerenderState.Persist("overview-checks", new { Results = new[] { handed }, At = at });

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() =>
        {
            var line = page.Find("[data-testid='check-V']");
            Assert.Equal("Amber", line.GetAttribute("data-state"));
            Assert.Contains("As the prerender found it.", line.TextContent);
        }, TimeSpan.FromSeconds(30));
        // A check of its own would have replaced the line with the stored report's state and the time with now.
        Assert.Contains("Checked 09:30:15 UTC", page.Markup);
    }

    [Fact]
    public async Task A_red_report_makes_the_overviews_verification_line_red_with_its_age()
    {
        var at = DateTimeOffset.UtcNow.AddHours(-2);
        VerificationLine Line(string title, CheckState state) => new("Creators", title, state, [], ConsoleScreen.Creators);
        var report = new VerificationResult([Line("Tables", CheckState.Green), Line("Group and linkage", CheckState.Red)], at, TimeSpan.FromSeconds(3));
        await core.GetRequiredService<VerificationReportStore>().SaveAsync(new StoredVerification("run-red", "alice", report), default);

        var page = Render<OverviewPage>();

        page.WaitForAssertion(() =>
        {
            var line = page.Find("[data-testid='check-V']");
            Assert.Equal("Red", line.GetAttribute("data-state"));
            Assert.NotNull(line.QuerySelector(".mud-error-text"));
            Assert.Contains("2 hours ago", line.TextContent);
            Assert.Contains("Group and linkage", line.TextContent);
        }, TimeSpan.FromSeconds(30)); // Reads DynamoDB Local: on a loaded machine the first read takes seconds.
    }
}
