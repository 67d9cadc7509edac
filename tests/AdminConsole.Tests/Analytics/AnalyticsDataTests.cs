using AdminConsole.Components.Pages.Analytics;
using CreatorPlatform.Core.Analytics;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

public sealed class AnalyticsDataTests
{
    [Fact]
    public void The_trend_chart_plots_one_series_per_count_with_a_value_for_every_point()
    {
        var series = Series(new Totals(10, 5, 1), Totals.Zero, new Totals(30, 12, 3));

        var chart = AnalyticsCharts.Trend(series);

        Assert.Equal(["Page views", "Product views", "Affiliate clicks"], chart.Select(s => s.Name));
        Assert.Equal([10.0, 0, 30], chart[0].Data.Values);
        Assert.Equal([1.0, 0, 3], chart[2].Data.Values);
        Assert.Equal(["Nov 19", "Nov 20", "Nov 21"], AnalyticsCharts.Labels(series, Granularity.Daily));
    }

    [Fact]
    public void The_ranking_chart_plots_ctr_as_a_percentage_and_no_views_as_zero()
    {
        IReadOnlyList<CreatorTotals> ranked = [new(Anna, new(0, 10, 2), Totals.Zero, 1), new(Ben, new(5, 0, 0), Totals.Zero, 1)];

        var (labels, series) = AnalyticsCharts.Ranking(ranked, Metric.ClickThroughRate);

        Assert.Equal(["anna", "ben"], labels);
        Assert.Equal([20.0, 0], series.Single().Data.Values);
    }

    [Fact]
    public void The_creators_csv_quotes_commas_and_defuses_formulas_and_leaves_a_missing_ctr_empty()
    {
        var evil = new CreatorRef("id", "evil", "=HYPERLINK(\"x\"), Inc");

        var csv = AnalyticsCsv.Creators([new CreatorTotals(evil, new(7, 0, 0), new(3, 0, 0), 1)]);

        var lines = csv.Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("rank,slug,display_name,page_views,product_views,affiliate_clicks,ctr,prev_page_views,prev_product_views,prev_affiliate_clicks", lines[0]);
        Assert.Equal("1,evil,\"'=HYPERLINK(\"\"x\"\"), Inc\",7,0,0,,3,0,0", lines[1]);
        Assert.StartsWith("data:text/csv;charset=utf-8,rank%2Cslug", AnalyticsCsv.DataUri(csv));
    }

    [Theory]
    [InlineData("7d", null, null, "7d", "2026-11-19", "2026-11-25")]
    [InlineData("90d", null, null, "90d", "2026-08-28", "2026-11-25")]
    [InlineData("month", null, null, "month", "2026-11-01", "2026-11-25")]
    [InlineData("custom", "2026-10-31", "2026-10-01", "custom", "2026-10-01", "2026-10-31")]
    [InlineData("custom", "2026-10-01", "not-a-date", "30d", "2026-10-27", "2026-11-25")]
    [InlineData(null, null, null, "30d", "2026-10-27", "2026-11-25")]
    public void The_range_in_the_query_string_becomes_the_days_shown(string? key, string? from, string? to, string preset, string first, string last)
    {
        var (resolved, range) = AnalyticsPage.ResolveRange(key, from, to, Today);

        Assert.Equal(preset, resolved);
        Assert.Equal((first, last), (AnalyticsFormat.Day(range.From), AnalyticsFormat.Day(range.To)));
    }
}
