using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

/// <summary>One vocabulary on the Analytics page: each count has one name in every legend, card and column.</summary>
public sealed class ChartWordsTests : MudTestContext
{
    private static readonly string[] Counts = ["Page views", "Product views", "Affiliate clicks"];


    [Fact]
    public async Task The_trend_and_tracking_legends_name_the_three_counts_as_the_cards_do()
    {
        var overview = Render<OverviewView>(p => p.Add(v => v.Overview, TwoCreators()));
        var tracking = Render<TrackingView>(p => p.Add(c => c.Tracking, Tracking()).Add(c => c.RolledUpAt, Noon).Add(c => c.Now, Noon));

        await this.MeasureChartsAsync(overview);
        await this.MeasureChartsAsync(tracking);
        var trend = Legend(overview.Find("[data-testid='trend']"));
        var hourly = Legend(tracking.Find("[data-testid='tracking']"));
        var cards = overview.FindAll("[data-testid='metric-cards'] .mud-typography-caption:first-child").Select(e => e.TextContent.Trim()).ToList();

        Assert.Equal(Counts, trend);
        Assert.Equal(Counts, hourly);
        Assert.Equal([.. Counts, "Click-through rate"], cards.Take(4));
    }

    [Fact]
    public async Task The_ranking_names_its_columns_and_its_bars_with_the_same_words()
    {
        var overview = Render<OverviewView>(p => p.Add(v => v.Overview, TwoCreators()));
        await this.MeasureChartsAsync(overview);

        var ranking = overview.Find("[data-testid='ranking']");
        var headers = ranking.QuerySelectorAll("[data-testid='ranking-table'] th").Select(e => e.TextContent.Trim()).ToList();

        Assert.Equal([.. Counts, "Click-through rate"], headers.Skip(2).Take(4));
        Assert.Equal(["Page views"], Legend(ranking));
    }

    private static readonly DateTimeOffset Noon = new(2026, 11, 25, 12, 0, 0, TimeSpan.Zero);

    private static List<string> Legend(AngleSharp.Dom.IElement chart) =>
        chart.QuerySelectorAll(".mud-chart-legend-item").Select(e => e.TextContent.Trim()).ToList();

    private static PlatformOverview TwoCreators() =>
        OverviewOf(new CreatorTotals(Anna, new(10, 8, 2), Totals.Zero, 3), new CreatorTotals(Ben, new(40, 5, 1), new(20, 0, 0), 5));

    private static TrackingSnapshot Tracking()
    {
        var from = Noon.AddHours(-23);
        return new TrackingSnapshot(from, Enumerable.Range(0, 24).Select(h => new HourCounts(from.AddHours(h), h, 1, 0)).ToList(), [], 0);
    }
}
