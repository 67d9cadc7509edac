using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class ReconcileTiesTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_summary_with_ties_in_another_order_reconciles_clean_and_a_wrong_order_outside_ties_does_not()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var creator = await tables.AddCreatorAsync("ties");
        var (tied, misordered) = (Today.AddDays(-2), Today.AddDays(-1));
        // a and b get 3 views, c 2 views and a click: three products tied at 3; d has 1 view.
        (string, string?)[] events = [.. Repeat(ProductView, "a", 3), .. Repeat(ProductView, "b", 3), .. Repeat(ProductView, "c", 2), (AffiliateClick, "c"), (ProductView, "d")];
        await tables.AddEventsAsync(creator, tied, events);
        await tables.AddEventsAsync(creator, misordered, events);
        ProductCount a = new("a", 3, 0), b = new("b", 3, 0), c = new("c", 2, 1), d = new("d", 1, 0);
        await tables.AddSummaryAsync(new DailySummary(creator.Id, tied, 0, 9, 1, [c, b, a, d]));
        await tables.AddSummaryAsync(new DailySummary(creator.Id, misordered, 0, 9, 1, [a, d, b, c]));

        var report = await Reconcile(services, tied, misordered);

        var drift = Assert.Single(report.Differences);
        Assert.Equal((misordered, DriftKind.Differs), (drift.Date, drift.Kind));
        Assert.Contains("top products differ", drift.Explain());
    }

    [Fact]
    public async Task When_a_tie_straddles_the_tenth_place_either_tied_product_is_a_correct_tenth()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var creator = await tables.AddCreatorAsync("cut");
        var (first, second, wrong) = (Today.AddDays(-3), Today.AddDays(-2), Today.AddDays(-1));
        // p01..p09 score 20..12; p10 and p11 tie at 5 across the cut; p12 scores 1.
        var events = Enumerable.Range(1, 9).SelectMany(i => Repeat(ProductView, $"p{i:00}", 21 - i))
            .Concat(Repeat(ProductView, "p10", 5)).Concat(Repeat(ProductView, "p11", 4)).Concat(new (string, string?)[] { (AffiliateClick, "p11"),
                (ProductView, "p12") }).ToArray();
        var top9 = Enumerable.Range(1, 9).Select(i => new ProductCount($"p{i:00}", 21 - i, 0)).ToList();
        foreach (var day in new[] { first, second, wrong }) await tables.AddEventsAsync(creator, day, events);
        var views = events.Count(e => e.Item1 == ProductView);
        await tables.AddSummaryAsync(new DailySummary(creator.Id, first, 0, views, 1, [.. top9, new("p10", 5, 0)]));
        await tables.AddSummaryAsync(new DailySummary(creator.Id, second, 0, views, 1, [.. top9, new("p11", 4, 1)]));
        await tables.AddSummaryAsync(new DailySummary(creator.Id, wrong, 0, views, 1, [.. top9, new("p12", 1, 0)]));

        var report = await Reconcile(services, first, wrong);

        Assert.Equal([wrong], report.Differences.Select(d => d.Date));
    }

    [Fact]
    public async Task The_rebuild_writes_top_products_by_views_plus_clicks_with_ties_in_first_seen_order()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var creator = await tables.AddCreatorAsync("order");
        var day = Today.AddDays(-1);
        // x has 1 view and 3 clicks (4), y 3 views (3): views + clicks puts x first. zeta is seen before alpha; both score 2.
        await tables.AddEventsAsync(creator, day, [.. Repeat(ProductView, "zeta", 2), .. Repeat(ProductView, "alpha", 2), (ProductView, "x"),
            .. Repeat(AffiliateClick, "x", 3), .. Repeat(ProductView, "y", 3)]);

        var scope = new AnalyticsScope("order", new DateRange(day, day));

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(AnalyticsRebuilder.JobKind,
            job => services.GetRequiredService<AnalyticsRebuilder>().RebuildAsync(job, scope, "tests"));

        Assert.Equal(JobState.Succeeded, run.State);
        var stored = Assert.Single(await services.GetRequiredService<AnalyticsStore>().QuerySummariesAsync(creator.Id, scope.Range, CancellationToken.None));
        Assert.Equal(["x", "y", "zeta", "alpha"], stored.TopProducts.Select(p => p.ProductId));
    }

    private static Task<ReconcileReport> Reconcile(IServiceProvider services, DateOnly from, DateOnly to) =>
        services.GetRequiredService<AnalyticsReconciler>().ReconcileAsync(new AnalyticsScope(null, new DateRange(from, to)), CancellationToken.None);
}
