using System.Text.RegularExpressions;
using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class AnalyticsTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task An_admin_reads_the_charts_changes_the_range_opens_a_creator_exports_csv_and_reconciles()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);

        await ConsoleAppFixture.OpenAsync(page, "/analytics");
        await Expect(page.GetByTestId("empty-no-creators")).ToBeVisibleAsync();
        await page.GetByTestId("generate-traffic").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Generate" }).ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("metric-cards")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("utc-note")).ToHaveTextAsync("All times UTC");
        await ConsoleAppFixture.ScreenshotAsync(page, "21-analytics-overview");
        await AssertChartsFillTheirCardsAsync(page);
        await page.SetViewportSizeAsync(390, 900);
        await AssertChartsFillTheirCardsAsync(page);
        await ConsoleAppFixture.ScreenshotAsync(page, "21-analytics-overview-390");
        await page.SetViewportSizeAsync(1400, 1000);

        await page.GetByTestId("range-7d").ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("range=7d"));
        await Expect(page.GetByTestId("range-text")).ToContainTextAsync("7 days");

        await ConsoleAppFixture.OpenAsync(page, "/analytics?range=90d");
        await page.GetByTestId("run-reconcile").ClickAsync();
        // Reconcile is a job now: one Query per creator and day, which takes a while on a busy machine.
        await Expect(page.GetByTestId("reconcile-table")).ToBeVisibleAsync(new() { Timeout = 120_000 });
        Assert.True(await page.GetByTestId("drift-row").CountAsync() >= 2, "the sandbox plants a day counted twice and a missing day");
        await ConsoleAppFixture.ScreenshotAsync(page, "22-analytics-reconcile");

        var creatorLink = page.GetByTestId("ranking-table").GetByRole(AriaRole.Link).First;
        await creatorLink.ClickAsync();
        await Expect(page).ToHaveURLAsync(new Regex("/analytics/[a-z0-9-]+\\?range=90d"));
        await Expect(page.GetByTestId("product-row").First).ToBeVisibleAsync();
        await ConsoleAppFixture.ScreenshotAsync(page, "23-analytics-creator");

        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByTestId("csv-products").ClickAsync());
        Assert.EndsWith(".csv", download.SuggestedFilename);
        var csv = await File.ReadAllTextAsync(await download.PathAsync());
        Assert.True(csv.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length > 1, csv);

        await page.GetByTestId("run-reconcile").ClickAsync();
        await Expect(page.GetByTestId("reconcile-result")).ToBeVisibleAsync(new() { Timeout = 120_000 });
    }

    /// <summary>Each chart is as wide as its card (less its padding), and its smallest label is at least 11 px on screen.</summary>
    private static async Task AssertChartsFillTheirCardsAsync(IPage page)
    {
        await Expect(page.Locator(".console-chart svg text").First).ToBeAttachedAsync();
        // A chart measures its card and the server draws it again: after a resize, poll until that round trip is done.
        var charts = await MeasureChartsAsync(page);
        for (var tries = 0; tries < 60 && !charts.All(Fills); tries++)
        {
            await page.WaitForTimeoutAsync(250);
            charts = await MeasureChartsAsync(page);
        }
        Assert.NotEmpty(charts);
        foreach (var chart in charts)
        {
            Assert.True(chart.Width >= 0.9 * chart.Card, $"{chart.Name}: {chart.Width:0} px of a {chart.Card:0} px card");
            Assert.True(chart.Smallest >= 11, $"{chart.Name}: labels of {chart.Smallest:0.0} px");
        }
    }

    private static bool Fills(ChartSize chart) => chart.Width >= 0.9 * chart.Card && chart.Smallest >= 11;

    private static async Task<ChartSize[]> MeasureChartsAsync(IPage page) =>
        await page.EvaluateAsync<ChartSize[]>("""
            () => [...document.querySelectorAll('.console-chart')].map(c => {
              const svg = c.querySelector('svg');
              const texts = [...svg.querySelectorAll('text')].filter(t => t.textContent.trim().length > 0);
              const scale = svg.getScreenCTM()?.a ?? 1;
              return { name: c.dataset.testid, width: svg.getBoundingClientRect().width, card: c.closest('.mud-paper').getBoundingClientRect().width,
                       smallest: Math.min(...texts.map(t => parseFloat(getComputedStyle(t).fontSize) * scale)) };
            })
            """);

    // Playwright fills the answer's properties, so a class with setters rather than a positional record.
    private sealed class ChartSize
    {
        public string Name { get; set; } = "";
        public double Width { get; set; }
        public double Card { get; set; }
        public double Smallest { get; set; }
    }
}
