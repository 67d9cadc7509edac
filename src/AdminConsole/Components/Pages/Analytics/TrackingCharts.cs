using CreatorPlatform.Core.Analytics;
using MudBlazor;

namespace AdminConsole.Components.Pages.Analytics;

/// <summary>What the tracking chart plots: one series per event type, a point per hour.</summary>
public static class TrackingCharts
{
    public static List<ChartSeries<double>> Series(TrackingSnapshot? tracking)
    {
        var hours = tracking?.Hours ?? [];
        // Named as the other charts and the cards name them (not the events' own type names).
        return AnalyticsCharts.Counts.Select(metric => new ChartSeries<double>
        {
            Name = AnalyticsFormat.Label(metric),
            Data = new ChartData<double>(hours.Select(h => (double)Count(h, metric)).ToArray()),
        }).ToList();
    }

    private static long Count(HourCounts hour, Metric metric) => metric switch
    {
        Metric.PageViews => hour.PageViews,
        Metric.ProductViews => hour.ProductViews,
        _ => hour.AffiliateClicks,
    };
}
