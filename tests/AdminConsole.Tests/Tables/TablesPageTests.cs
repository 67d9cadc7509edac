using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

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

    [Fact]
    public async Task What_the_prerender_read_is_shown_by_the_live_page_without_reading_the_tables_again()
    {
        var screen = Services.GetRequiredService<TablesScreen>();
        var read = await screen.ReadAsync(null, default);
        var at = new DateTimeOffset(2026, 12, 5, 9, 30, 15, TimeSpan.Zero);
        PrerenderState.Persist("tables-read", new TablesScreenPrerender(read with { Status = read.Status! with { ReadAt = at } }, []));
        lock (operations) operations.Clear();

        var page = Render<TablesPage>();

        page.WaitForAssertion(() => Assert.Contains("Read 09:30:15 UTC", page.Find("[data-testid='read-at']").TextContent));
        Assert.NotNull(page.Find("[data-testid='table-Products']"));
        lock (operations) Assert.DoesNotContain("DescribeTable", operations);
        // Refresh reads again.
        await page.InvokeAsync(() => page.FindAll("button").First(b => b.TextContent.Trim() == "Refresh").Click());
        page.WaitForAssertion(() => { lock (operations) Assert.Contains("DescribeTable", operations); });
        Assert.DoesNotContain("Read 09:30:15 UTC", page.Find("[data-testid='read-at']").TextContent);
    }
}
