using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

public sealed class AnalyticsViewTests : MudTestContext
{
    [Fact]
    public void With_no_creators_the_overview_says_that_creators_come_from_CreatorsTable()
    {
        var cut = Render<OverviewView>(p => p.Add(v => v.Overview, OverviewOf()));

        Assert.Contains("No creators yet", cut.Find("[data-testid=empty-no-creators]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=metric-cards]"));
    }

    [Fact]
    public void With_creators_but_no_summaries_the_overview_names_the_range_and_points_to_reconcile()
    {
        var cut = Render<OverviewView>(p => p.Add(v => v.Overview, OverviewOf(new CreatorTotals(Anna, Totals.Zero, Totals.Zero, 0))));

        var text = cut.Find("[data-testid=empty-no-summaries]").TextContent;
        Assert.Contains("No summaries yet for 2026-11-19 to 2026-11-25", text);
        Assert.Contains("reconcile", text);
    }

    [Fact]
    public void A_ranking_of_more_creators_than_a_page_shows_the_first_and_says_how_many_there_are()
    {
        var many = Enumerable.Range(0, 40).Select(i => new CreatorTotals(new CreatorRef($"id-{i}", $"c{i:D2}", $"Creator {i}"), new(i, 1, 0), Totals.Zero, 1));
        var overview = OverviewOf([.. many]) with { CreatorCount = 1_200 };

        var cut = Render<OverviewView>(p => p.Add(v => v.Overview, overview));

        var rows = cut.FindAll("[data-testid=ranking-table] tbody tr");
        Assert.Equal(PlatformOverview.RankingSize, rows.Count);
        Assert.Contains("Creator 39", rows[0].TextContent);
        // As the browser shows it: whitespace collapsed.
        Assert.Contains("The first 25 of 1,200 creators by page views",
            System.Text.RegularExpressions.Regex.Replace(cut.Find("[data-testid=ranking-scope]").TextContent, @"\s+", " "));
    }

    [Fact]
    public void The_overview_ranks_creators_by_page_views_and_links_each_with_the_range()
    {
        var overview = OverviewOf(new CreatorTotals(Anna, new(10, 8, 2), Totals.Zero, 3), new CreatorTotals(Ben, new(40, 0, 0), new(20, 0, 0), 5));

        var cut = Render<OverviewView>(p => p.Add(v => v.Overview, overview).Add(v => v.Query, "?range=7d"));

        var rows = cut.FindAll("[data-testid=ranking-table] tbody tr");
        Assert.Equal(2, rows.Count);
        Assert.Contains("Ben Okafor", rows[0].TextContent);
        Assert.Contains("none", rows[0].TextContent);
        Assert.Contains("+100.0", rows[0].TextContent);
        Assert.Contains("new", rows[1].TextContent);
        Assert.Equal("/analytics/anna?range=7d", cut.FindAll("[data-testid=ranking-table] a")[1].GetAttribute("href"));
    }

    [Fact]
    public void A_creator_without_traffic_says_so_and_mentions_the_previous_period()
    {
        var view = new CreatorAnalytics(Anna, Week, Totals.Zero, new Totals(12, 3, 1), Granularity.Daily, Series(), [], 0);

        var cut = Render<CreatorView>(p => p.Add(v => v.View, view));

        var text = cut.Find("[data-testid=empty-no-traffic]").TextContent;
        Assert.Contains("Anna Lee has no traffic in 2026-11-19 to 2026-11-25", text);
        Assert.Contains("no summary is stored", text);
        Assert.Contains("previous period had 12 page views", text);
    }

    [Fact]
    public void Click_through_rate_without_product_views_reads_none_and_never_NaN()
    {
        var cut = Render<MetricCards>(p => p.Add(c => c.Current, new Totals(50, 0, 0)).Add(c => c.Previous, Totals.Zero));

        var ctr = cut.Find("[data-testid=metric-ClickThroughRate]").TextContent;
        Assert.Contains("none", ctr);
        Assert.DoesNotContain("NaN", cut.Markup);
        Assert.Contains("new", cut.Find("[data-testid=metric-PageViews]").TextContent);
    }

    [Fact]
    public void Top_products_show_titles_images_and_ctr_with_an_unknown_product_named_as_such()
    {
        IReadOnlyList<TopProductRow> rows =
        [
            new("lamp", 40, 4, new ProductInfo("lamp", "Brass lamp", "https://images.example.com/lamp.jpg")),
            new("gone", 0, 2, null),
        ];

        var cut = Render<TopProducts>(p => p.Add(t => t.Rows, rows));

        var found = cut.FindAll("[data-testid=product-row]");
        Assert.Contains("Brass lamp", found[0].TextContent);
        Assert.Contains("10.0", found[0].TextContent);
        Assert.Equal("background-image: url('https://images.example.com/lamp.jpg')", found[0].QuerySelector(".product-thumb")?.GetAttribute("style"));
        Assert.Null(found[1].QuerySelector(".product-thumb"));
        Assert.Contains("Unknown product gone", found[1].TextContent);
        Assert.Contains("none", found[1].TextContent);
    }
}
