using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

public sealed class ReconcileResultTests : MudTestContext
{
    [Fact]
    public void Each_differing_day_is_listed_with_its_signed_difference_and_collision_signs()
    {
        var day = Today.AddDays(-3);
        var stored = new DailySummary(Anna.Id, day, 40, 20, 5, []);
        var events = new DailySummary(Anna.Id, day, 40, 19, 5, []);
        var missing = new DailySummary(Anna.Id, day.AddDays(1), 7, 0, 0, []);
        var report = new ReconcileReport(Week, [new CreatorComparison(Anna, 7, 500,
        [
            new DayDrift(Anna, day, DriftKind.Differs, stored, events, new CollisionSigns(1, 0)),
            new DayDrift(Anna, day.AddDays(1), DriftKind.MissingSummary, null, missing, CollisionSigns.None),
            new DayDrift(Anna, Today.AddDays(-100), DriftKind.Expired, stored, null, CollisionSigns.None),
        ])]);

        var cut = Render<ReconcileResult>(p => p.Add(r => r.Report, report));

        var rows = cut.FindAll("[data-testid=drift-row]");
        Assert.Equal(2, rows.Count);
        Assert.Contains("2026-11-22", rows[0].TextContent);
        Assert.Contains("+1", rows[0].TextContent);
        Assert.Contains("signs of key collisions: 1 event(s) 1 ms after the previous one", rows[0].TextContent);
        Assert.Contains("No summary", rows[1].TextContent);
        Assert.Contains("−7", rows[1].TextContent);
        Assert.Contains("1 day(s) are past the events' 90-day TTL", cut.Markup);
    }

    [Fact]
    public void A_clean_reconcile_says_every_day_matches()
    {
        var report = new ReconcileReport(Week, [new CreatorComparison(Anna, 7, 1234, [])]);

        var cut = Render<ReconcileResult>(p => p.Add(r => r.Report, report));

        Assert.Contains("Every day's summary matches its events (1 creator(s), 1,234 events read)", cut.Find("[data-testid=reconcile-clean]").TextContent);
        Assert.Empty(cut.FindAll("[data-testid=drift-row]"));
    }
}
