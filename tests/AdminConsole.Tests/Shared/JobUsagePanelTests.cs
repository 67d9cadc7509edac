using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Monitoring;

namespace AdminConsole.Tests.Shared;

public sealed class JobUsagePanelTests : MudTestContext
{
    public JobUsagePanelTests() => AsAdmin();

    [Fact]
    public void In_the_sandbox_the_jobs_own_figures_show_and_say_cloudwatch_is_not_there()
    {
        var jobs = new List<JobUsage> { new("Migration", "r1", DateTimeOffset.UtcNow, TimeSpan.FromSeconds(12), "ProductsTable", 300, 295, 17, "succeeded") };

        var panel = Render<JobUsagePanel>(p => p.Add(c => c.Jobs, jobs).Add(c => c.Note, TableMetricsService.SandboxNote));

        Assert.Equal(TableMetricsService.SandboxNote, panel.Find("[data-testid='cloudwatch-note']").TextContent);
        Assert.Equal(("295", "17"), (panel.Find("[data-testid='job-writes']").TextContent, panel.Find("[data-testid='job-throttles']").TextContent));
    }
}
