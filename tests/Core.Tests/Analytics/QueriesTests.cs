using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class QueriesTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_overview_sums_creators_compares_with_the_previous_period_and_ranks_by_each_metric()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        var ben = await tables.AddCreatorAsync("ben");
        var range = DateRange.LastDays(7, Today);
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today, 100, 50, 5, []));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-2), 100, 50, 5, []));
        await tables.AddSummaryAsync(new DailySummary(ben.Id, Today.AddDays(-1), 50, 100, 30, []));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-8), 100, 40, 4, []));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-20), 999, 999, 999, []));

        var overview = await services.GetRequiredService<AnalyticsQueries>().GetOverviewAsync(range, CancellationToken.None);

        Assert.Equal(new Totals(250, 200, 40), overview.Current);
        Assert.Equal(new Totals(100, 40, 4), overview.Previous);
        Assert.Equal(1.5, overview.Current.Change(overview.Previous, Metric.PageViews));
        Assert.Equal(7, overview.Series.Count);
        Assert.Equal(new Totals(100, 50, 5), overview.Series[^1].Totals);
        Assert.Equal(Totals.Zero, overview.Series[0].Totals);
        Assert.Equal(["anna", "ben"], overview.RankedBy(Metric.PageViews).Select(c => c.Creator.Slug));
        Assert.Equal(["ben", "anna"], overview.RankedBy(Metric.ClickThroughRate).Select(c => c.Creator.Slug));
    }

    [Fact]
    public async Task A_creator_view_merges_daily_top_products_and_joins_titles_and_images()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddProductAsync("lamp", "Brass lamp");
        await tables.AddProductAsync("rug", "Wool rug");
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today, 10, 9, 2, [new("rug", 5, 1), new("lamp", 4, 1)]));
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-1), 10, 9, 0, [new("lamp", 6, 0), new("gone", 3, 0)]));

        var view = await services.GetRequiredService<AnalyticsQueries>().GetCreatorAsync("anna", DateRange.LastDays(30, Today), CancellationToken.None);

        Assert.NotNull(view);
        Assert.Equal(["lamp", "rug", "gone"], view.TopProducts.Select(p => p.ProductId));
        Assert.Equal("Brass lamp", view.TopProducts[0].Title);
        Assert.Equal("https://images.example.com/lamp.jpg", view.TopProducts[0].Product?.ImageUrl);
        Assert.Equal(0.1, view.TopProducts[0].ClickThroughRate);
        Assert.Null(view.TopProducts[2].Product);
        Assert.Equal(Granularity.Daily, view.Granularity);
        Assert.Null(await services.GetRequiredService<AnalyticsQueries>().GetCreatorAsync("nobody", DateRange.LastDays(30, Today), CancellationToken.None));
    }

    [Fact]
    public void Ninety_days_are_shown_by_week_with_every_day_in_exactly_one_week()
    {
        var range = DateRange.LastDays(90, new DateOnly(2026, 11, 25));
        var summaries = range.Each().Select(d => new DailySummary("c", d, 1, 0, 0, [])).ToList();

        var series = AnalyticsSeries.Build(range, summaries);

        Assert.Equal(Granularity.Weekly, AnalyticsSeries.GranularityFor(range));
        Assert.Equal(90, series.Sum(p => p.Totals.PageViews));
        Assert.All(series.Skip(1), p => Assert.Equal(DayOfWeek.Monday, p.Start.DayOfWeek));
        Assert.Equal(range.To, series[^1].End);
    }
}
