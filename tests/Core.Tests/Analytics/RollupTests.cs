using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using static CreatorPlatform.Core.Analytics.EventTypes;
using static CreatorPlatform.Core.Tests.Analytics.AnalyticsTables;

namespace CreatorPlatform.Core.Tests.Analytics;

[Collection(EmulatorCollection.Name)]
public sealed class RollupTests(EmulatorFixture emulators)
{
    [Theory]
    [InlineData("7d")]
    [InlineData("30d")]
    [InlineData("90d")]
    [InlineData("month")]
    public async Task The_overview_read_from_rollups_equals_the_direct_per_creator_computation(string preset)
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var random = new Random(15);
        foreach (var slug in new[] { "anna", "ben", "cleo", "dev" })
        {
            var creator = await tables.AddCreatorAsync(slug);
            foreach (var back in Enumerable.Range(0, 180).Where(_ => random.Next(3) > 0))
                await tables.AddSummaryAsync(new DailySummary(creator.Id, Today.AddDays(-back), random.Next(50), random.Next(30), random.Next(5), [new("p1", 1, 0)]));
        }
        await tables.AddCreatorAsync("quiet");
        var range = preset switch
        {
            "7d" => DateRange.For(RangePreset.Last7, Today),
            "90d" => DateRange.For(RangePreset.Last90, Today),
            "month" => DateRange.For(RangePreset.ThisMonth, Today),
            _ => DateRange.For(RangePreset.Last30, Today),
        };
        var queries = services.GetRequiredService<AnalyticsQueries>();
        await services.GetRequiredService<AnalyticsRollups>().RefreshAsync(null, CancellationToken.None);

        var rolled = await queries.GetOverviewAsync(range, CancellationToken.None);
        var direct = await queries.GetOverviewDirectAsync(range, CancellationToken.None);

        Assert.True(rolled.Rollup?.Used);
        Assert.Null(direct.Rollup);
        Assert.Equal(direct.Current, rolled.Current);
        Assert.Equal(direct.Previous, rolled.Previous);
        Assert.False(direct.Current.IsEmpty);
        Assert.Equal(direct.Series, rolled.Series);
        Assert.Equal(direct.Creators, rolled.Creators);
        Assert.Equal(5, rolled.Creators.Count);
    }

    [Fact]
    public async Task The_overview_reads_a_rollup_of_3000_creators_in_as_many_requests_as_one_of_60_and_ranks_its_true_first()
    {
        var recorder = new RequestRecorder();
        await using var services = emulators.Services(overrides: recorder.Wire());
        await CreateAsync(services);
        var rollups = services.GetRequiredService<AnalyticsRollups>();
        var queries = services.GetRequiredService<AnalyticsQueries>();
        var range = DateRange.For(RangePreset.Last30, Today);

        async Task<(int Requests, PlatformOverview Overview, IReadOnlyList<CreatorRollupRow> Rows)> ViewAsync(int creators)
        {
            // Rows as the rebuild writes them (no events needed): page views scattered, so the first by each metric are far apart.
            var rows = Enumerable.Range(0, creators).Select(i => new CreatorRollupRow(new CreatorRef($"id-{i}", $"c{i:D5}", $"Creator {i}"),
                RollupSnapshot.Presets.ToDictionary(p => p, p => new PeriodTotals(new Totals(i * 7919 % 10007, i * 31 % 997 + 1, i % 7), new Totals(i, 0, 0),
                    i % 3 == 0 ? 0 : 5)))).ToList();
            await rollups.WriteAsync(new RollupSnapshot($"g{creators}", "run", Today, DateTimeOffset.UtcNow, rows, new Dictionary<DateOnly, Totals>(),
                TrackingSnapshot.Empty(DateTimeOffset.UtcNow)), CancellationToken.None);
            recorder.Clear();
            var overview = await queries.GetOverviewAsync(range, CancellationToken.None);
            return (recorder.Operations.Count, overview, rows);
        }

        var few = await ViewAsync(60);
        var many = await ViewAsync(3_000);

        Assert.True(many.Overview.Rollup?.Used);
        Assert.Equal(few.Requests, many.Requests);
        Assert.Equal(3_000, many.Overview.CreatorCount);
        Assert.Equal(2_000, many.Overview.WithSummaries);
        Assert.Equal(Totals.Sum(many.Rows.Select(r => r.Periods[RangePreset.Last30].Current)), many.Overview.Current);
        Assert.Equal(Totals.Sum(many.Rows.Select(r => r.Periods[RangePreset.Last30].Previous)), many.Overview.Previous);
        var everyCreator = new PlatformOverview(range, Totals.Zero, Totals.Zero, Granularity.Daily, [],
            many.Rows.Select(r => new CreatorTotals(r.Creator, r.Periods[RangePreset.Last30].Current, r.Periods[RangePreset.Last30].Previous,
                r.Periods[RangePreset.Last30].Days)).ToList());
        foreach (var metric in Enum.GetValues<Metric>())
        {
            Assert.Equal(PlatformOverview.RankingSize, many.Overview.RankedBy(metric).Count);
            Assert.Equal(everyCreator.RankedBy(metric), many.Overview.RankedBy(metric));
        }
        Assert.True(many.Overview.Creators.Count < 4 * PlatformOverview.RankingSize * RollupSnapshot.Presets.Length);
        var full = await rollups.ReadAsync(CancellationToken.None, everyCreator: true);
        Assert.Equal(3_000, full?.Creators.Count);
    }

    [Fact]
    public async Task A_range_the_rollup_does_not_hold_is_read_directly_and_says_which_rollup_exists()
    {
        await using var services = emulators.Services();
        var tables = await CreateAsync(services);
        var anna = await tables.AddCreatorAsync("anna");
        await tables.AddSummaryAsync(new DailySummary(anna.Id, Today.AddDays(-3), 4, 0, 0, []));
        await services.GetRequiredService<AnalyticsRollups>().RefreshAsync(null, CancellationToken.None);

        var overview = await services.GetRequiredService<AnalyticsQueries>().GetOverviewAsync(new DateRange(Today.AddDays(-5), Today.AddDays(-1)), CancellationToken.None);

        Assert.False(overview.Rollup?.Used);
        Assert.Equal(4, overview.Current.PageViews);
    }

    [Fact]
    public async Task A_creator_with_traffic_every_day_of_the_last_week_and_none_in_the_last_24_hours_is_flagged()
    {
        var time = new FakeTimeProvider(new DateTimeOffset(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero));
        await using var services = emulators.Services(overrides: o => o.AddSingleton<TimeProvider>(time));
        var tables = await CreateAsync(services);
        var stopped = await tables.AddCreatorAsync("stopped");
        var steady = await tables.AddCreatorAsync("steady");
        var patchy = await tables.AddCreatorAsync("patchy");
        foreach (var back in Enumerable.Range(1, 7))
        {
            await tables.AddSummaryAsync(new DailySummary(stopped.Id, Today.AddDays(-back), 10, 2, 1, []));
            await tables.AddSummaryAsync(new DailySummary(steady.Id, Today.AddDays(-back), 10, 2, 1, []));
            if (back != 4) await tables.AddSummaryAsync(new DailySummary(patchy.Id, Today.AddDays(-back), 10, 2, 1, []));
        }
        await tables.AddEventsAsync(stopped, Today.AddDays(-2), [(PageView, null)]);
        await tables.AddEventsAsync(steady, Today, [(PageView, null), (PageView, null), (ProductView, "p1"), (AffiliateClick, "p1")]);

        var rollup = await services.GetRequiredService<AnalyticsRollups>().RefreshAsync(null, CancellationToken.None);
        var read = await services.GetRequiredService<AnalyticsRollups>().ReadAsync(CancellationToken.None);

        Assert.Equal(["stopped"], read!.Tracking.Stopped.Select(c => c.Slug));
        Assert.Equal(24, read.Tracking.Hours.Count);
        // The events are at 10:00 today; the chart's first hour is 13:00 yesterday.
        var ten = read.Tracking.Hours.Single(h => h.Hour == new DateTimeOffset(Today.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero));
        Assert.Equal((2, 1, 1), (ten.PageViews, ten.ProductViews, ten.AffiliateClicks));
        Assert.Equal(4, read.Tracking.Total);
        Assert.Equal(rollup.Generation, read.Generation);
    }
}
