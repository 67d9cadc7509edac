using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Security;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Security;

/// <summary>Creators, products and events whose strings carry markup, direction overrides and terminal escapes: the pages show them as text.</summary>
public sealed class HostileDataPagesTests : MudTestContext
{
    private static readonly DateTimeOffset Noon = new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    private static CreatorRef Hostile(int i) => new($"id-{i}", HostileText.All[i], HostileText.All[(i + 1) % HostileText.All.Length]);

    private static IEnumerable<CreatorRef> HostileCreators => HostileText.All.Select((_, i) => Hostile(i));

    [Fact]
    public async Task The_ranking_chart_shows_hostile_slugs_as_text_and_no_element_of_theirs()
    {
        var overview =
            OverviewOf([new CreatorTotals(Anna, new(1, 1, 0), Totals.Zero, 1), .. HostileCreators.Select((c, i) => new CreatorTotals(c, new(10 + i, 5, 1), Totals.Zero, 2))]);

        var cut = Render<OverviewView>(p => p.Add(v => v.Overview, overview).Add(v => v.Today, Today));
        await this.MeasureChartsAsync(cut);

        HostileText.AssertNoInjectedElement(cut.FindAll("*"));
        HostileText.AssertShownVisibly(string.Concat(cut.Nodes.Select(n => n.TextContent)));
        var labels = cut.FindAll("[data-testid=ranking] svg text").Select(t => t.TextContent).ToList();
        foreach (var slug in HostileText.All) Assert.Contains(UntrustedText.Visible(slug), labels);
    }

    [Fact]
    public void A_creators_view_with_hostile_products_shows_their_titles_and_ids_as_text()
    {
        IReadOnlyList<TopProductRow> products = HostileText.All
            .Select((s, i) => new TopProductRow(s, 10 - i, 1, new ProductInfo(s, HostileText.All[(i + 2) % HostileText.All.Length], "javascript:alert(1)")))
            .ToList();
        var view = new CreatorAnalytics(Hostile(0), Week, new Totals(50, 10, 5), Totals.Zero, Granularity.Daily,
            Series(Enumerable.Repeat(new Totals(7, 2, 1), 7).ToArray()), products, 7);

        var cut = Render<CreatorView>(p => p.Add(v => v.View, view).Add(v => v.Today, Today));

        HostileText.AssertNoInjectedElement(cut.FindAll("*"));
        HostileText.AssertShownVisibly(string.Concat(cut.Nodes.Select(n => n.TextContent)));
        Assert.Empty(cut.FindAll(".product-thumb"));
        var rows = cut.FindAll("[data-testid=product-row]");
        Assert.Contains(HostileText.MetaRefresh, rows[0].TextContent);
    }

    [Fact]
    public void Tracking_and_freshness_link_hostile_slugs_escaped_and_show_them_as_text()
    {
        var hours = Enumerable.Range(0, 24).Select(h => new HourCounts(Noon.AddHours(h - 24), h, 1, 0)).ToList();
        var tracking = new TrackingSnapshot(Noon.AddHours(-24), hours, HostileCreators.ToList(), HostileText.All.Length);
        var behind = HostileCreators.Select(c => new CreatorFreshness(c, Noon, Today.AddDays(-5))).ToList();
        var freshness = new PlatformFreshness(Noon, Today, behind, behind.Count, behind.Count, behind.Count, Today.AddDays(-5), Noon, null);

        var trackingView = Render<TrackingView>(p => p.Add(v => v.Tracking, tracking).Add(v => v.RolledUpAt, Noon).Add(v => v.Now, Noon));
        var freshnessView = Render<FreshnessView>(p => p.Add(v => v.Platform, freshness));

        HostileText.AssertNoInjectedElement(trackingView.FindAll("*"));
        HostileText.AssertNoInjectedElement(freshnessView.FindAll("*"));
        HostileText.AssertShownVisibly(string.Concat(trackingView.Nodes.Concat(freshnessView.Nodes).Select(n => n.TextContent)));
        var links = trackingView.FindAll("[data-testid=stopped-creator]").Concat(freshnessView.FindAll("[data-testid=freshness] a")).ToList();
        Assert.NotEmpty(links);
        Assert.All(links, a => Assert.Matches(@"^/analytics/[A-Za-z0-9\-._~%]+$", a.GetAttribute("href")));
        Assert.Contains(HostileText.SvgOnload, trackingView.Find("[data-testid=stopped-creators]").TextContent);
    }
}
