using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class AggregationTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_known_day_of_events_gives_exact_counts_and_the_top_ten_by_views_plus_clicks_ties_first_seen()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var creator = await tables.AddCreatorAsync("anna");
        var day = Today.AddDays(-3);
        // p01 gets 12 views, p02 11, ... p12 1 view; p11 and p12 each get clicks; p05 and "p05b" tie on views.
        var events = Enumerable.Range(1, 12).SelectMany(i => Repeat(ProductView, $"p{i:00}", 13 - i))
            .Concat(Repeat(ProductView, "p05b", 8)).Concat(Repeat(AffiliateClick, "p05b", 2)).Concat(Repeat(AffiliateClick, "p05", 1))
            .Concat(Repeat(PageView, null, 40)).Concat(Repeat(AffiliateClick, "p12", 3)).ToArray();
        await tables.AddEventsAsync(creator, day, events);
        await tables.AddEventsAsync(creator, day.AddDays(1), Repeat(PageView, null, 5));
        var store = services.GetRequiredService<AnalyticsStore>();

        var days = new List<DailySummary>();
        foreach (var d in new[] { day, day.AddDays(1), day.AddDays(2) })
            if (await store.RecomputeDayAsync(creator.Id, d, CancellationToken.None) is { } aggregate) days.Add(aggregate.ToSummary());

        Assert.Equal(2, days.Count);
        Assert.Equal([day, day.AddDays(1)], days.Select(d => d.Date));
        var summary = days[0];
        Assert.Equal((40L, 86L, 6L), (summary.PageViews, summary.ProductViews, summary.AffiliateClicks));
        // Scores: p03 and p05b tie at 10, p04 and p05 at 9, p09 and p12 at 4 (p09 seen first, so it is the 10th).
        Assert.Equal(["p01", "p02", "p03", "p05b", "p04", "p05", "p06", "p07", "p08", "p09"], summary.TopProducts.Select(p => p.ProductId));
        Assert.Equal(new ProductCount("p05b", 8, 2), summary.TopProducts[3]);
        Assert.Equal(new ProductCount("p05", 8, 1), summary.TopProducts[5]);
        Assert.Equal((5L, 0L, 0L), (days[1].PageViews, days[1].ProductViews, days[1].AffiliateClicks));
    }

    [Fact]
    public void Click_through_rate_with_no_product_views_is_none_not_a_number()
    {
        var pageViewsOnly = new Totals(120, 0, 0);
        var someViews = new Totals(10, 8, 2);

        Assert.Null(pageViewsOnly.ClickThroughRate);
        Assert.Equal(0.25, someViews.ClickThroughRate);
        Assert.Null(new TopProductRow("p", 0, 3, null).ClickThroughRate);
        Assert.Null(someViews.Change(Totals.Zero, Metric.PageViews));
        Assert.Equal(1.0, new Totals(20, 0, 0).Change(new Totals(10, 0, 0), Metric.PageViews));
    }

    [Fact]
    public async Task The_overview_of_a_creator_with_page_views_only_shows_no_click_through_rate()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var creator = await tables.AddCreatorAsync("only-pages");
        await tables.AddSummaryAsync(new DailySummary(creator.Id, Today.AddDays(-1), 30, 0, 0, []));

        var overview = await services.GetRequiredService<AnalyticsQueries>().GetOverviewAsync(DateRange.LastDays(7, Today), CancellationToken.None);

        Assert.Equal(new Totals(30, 0, 0), overview.Current);
        Assert.Null(overview.Current.ClickThroughRate);
        Assert.Null(overview.Creators.Single().Current.ClickThroughRate);
        Assert.Equal(creator.Id, overview.RankedBy(Metric.ClickThroughRate).Single().Creator.Id);
    }
}
