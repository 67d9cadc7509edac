using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Monitoring;

namespace AdminConsole.Tests.Tables;

/// <summary>The Tables page in the sandbox before any table exists, drawn from TablesScreen's state.</summary>
public sealed class TablesPageTests : MudTestContext
{
    private readonly List<string> operations = [];

    public TablesPageTests()
    {
        Services.AddCoreWithoutTables(operations, mode: "Sandbox");
        AsAdmin();
    }

    [Fact]
    public void Every_missing_table_has_its_card_the_apply_button_and_the_jobs_figures_in_place_of_cloudwatch()
    {
        var page = Render<TablesPage>();

        page.WaitForAssertion(() => Assert.NotEmpty(page.FindAll("[data-testid='read-at']")));
        foreach (var table in new[] { "Products", "Creators", "AnalyticsEvents", "AnalyticsSummaries", "Ops" })
            Assert.NotNull(page.Find($"[data-testid='table-{table}']"));
        Assert.Equal("Apply schema", page.Find("[data-testid='apply-schema']").TextContent.Trim());
        Assert.Contains(TableMetricsService.SandboxNote, page.Markup);
        lock (operations) Assert.Contains("DescribeTable", operations);
    }
}
