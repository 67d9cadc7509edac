using CreatorPlatform.Core;
using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Components.Pages.Overview;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Rollout;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

public sealed class FreshnessViewTests : MudTestContext
{
    private static readonly DateTimeOffset Noon = new(Today.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);

    [Fact]
    public void A_platform_with_a_creator_whose_summaries_lag_shows_amber_and_lists_that_creator_only()
    {
        var report = Walked([new CreatorFreshness(Anna, Noon.AddHours(-1), Today.AddDays(-4)), new CreatorFreshness(Ben, Noon.AddHours(-2), Today)], null);

        var view = Render<FreshnessView>(p => p.Add(c => c.Platform, report));

        Assert.Equal(nameof(CheckState.Amber), view.Find("[data-testid='freshness']").GetAttribute("data-state"));
        Assert.Contains("1 creator(s) with summaries more than a day behind", view.Find("[data-testid='freshness-detail']").TextContent);
        var behind = view.Find("[data-testid='freshness-behind']").TextContent;
        Assert.Contains("anna", behind);
        Assert.Contains("4 days", behind);
        Assert.DoesNotContain("ben", behind);
        Assert.Contains("No rebuild has completed yet", view.Markup);
    }

    [Fact]
    public void A_platform_whose_summaries_keep_up_is_green_and_names_the_last_rebuild()
    {
        var last = new RebuildRunRecord("run123", RebuildTrigger.Scheduled, new DateRange(Today.AddDays(-1), Today), null, "Admin console (schedule)",
            Noon.AddMinutes(-20), Noon.AddMinutes(-19), 3, 40);
        var report = Walked([new CreatorFreshness(Anna, Noon.AddHours(-1), Today)], last);

        var view = Render<FreshnessView>(p => p.Add(c => c.Platform, report));

        Assert.Equal(nameof(CheckState.Green), view.Find("[data-testid='freshness']").GetAttribute("data-state"));
        Assert.Contains("scheduled, by Admin console (schedule)", view.Markup);
        Assert.Empty(view.FindAll("[data-testid='freshness-behind']"));
    }

    [Fact]
    public void One_creators_freshness_says_how_far_behind_its_summaries_are()
    {
        var view = Render<FreshnessView>(p => p.Add(c => c.Creator, new CreatorFreshness(Anna, Noon, null)));

        Assert.Equal(nameof(CheckState.Amber), view.Find("[data-testid='freshness']").GetAttribute("data-state"));
        Assert.Contains("no summary at all", view.Markup);
    }

    [Fact]
    public void The_tracking_chart_has_a_series_per_count_and_flags_creators_whose_traffic_stopped()
    {
        var from = Noon.AddHours(-23);
        var hours = Enumerable.Range(0, 24).Select(h => new HourCounts(from.AddHours(h), h, h == 5 ? 3 : 0, h == 23 ? 1 : 0)).ToList();
        var tracking = new TrackingSnapshot(from, hours, [Ben], 1);

        var view = Render<TrackingView>(p => p.Add(c => c.Tracking, tracking).Add(c => c.RolledUpAt, Noon.AddMinutes(-10)).Add(c => c.Now, Noon));

        var series = TrackingCharts.Series(tracking);
        Assert.Equal(["Page views", "Product views", "Affiliate clicks"], series.Select(s => s.Name));
        Assert.Equal(24, series[0].Data.Values.Count);
        Assert.Equal(3.0, series[1].Data.Values[5]);
        Assert.Equal(["ben"], view.FindAll("[data-testid='stopped-creator']").Select(e => e.TextContent.Trim()));
        Assert.Contains("10 min ago", view.Find("[data-testid='tracking-age']").TextContent);
        Assert.Equal("280 events", view.Find("[data-testid='tracking-total']").TextContent);
    }

    [Fact]
    public void Tracking_counted_more_than_two_hours_ago_says_it_is_stale_and_no_creator_is_flagged_when_none_stopped()
    {
        var tracking = new TrackingSnapshot(Noon.AddHours(-26), [], [], 0);

        var view = Render<TrackingView>(p => p.Add(c => c.Tracking, tracking).Add(c => c.RolledUpAt, Noon.AddHours(-3)).Add(c => c.Now, Noon));

        Assert.Contains("rebuild to refresh", view.Find("[data-testid='tracking-age']").TextContent);
        Assert.Empty(view.FindAll("[data-testid='stopped-creators']"));
    }

    [Fact]
    public void The_overview_checklist_names_the_analytics_line()
    {
        var view =
            Render<RolloutChecklistView>(p => p.Add(c => c.Results, [new CheckResult("A", "Analytics summaries fresh", CheckState.Amber, "behind", ConsoleScreen.Analytics)]));

        Assert.Contains("Analytics · Analytics summaries fresh", view.Find("[data-testid='check-A']").TextContent);
    }

    /// <summary>The platform's freshness as the walk adds it up, one creator at a time.</summary>
    private static PlatformFreshness Walked(IReadOnlyList<CreatorFreshness> creators, RebuildRunRecord? last)
    {
        var tally = new FreshnessTally();
        foreach (var creator in creators) tally.Add(creator);
        return tally.Build(Noon, Today, creators.Count, last);
    }
}
