using CreatorPlatform.Core.Analytics;
using MudBlazor;

namespace AdminConsole.Components.Pages.Analytics;

/// <summary>What the tracking chart plots: one series per event type, a point per hour.</summary>
public static class TrackingCharts
{
    public static List<ChartSeries<double>> Series(TrackingSnapshot? tracking)
    {
        var hours = tracking?.Hours ?? [];
        return
        [
            new() { Name = "page_view", Data = new ChartData<double>(hours.Select(h => (double)h.PageViews).ToArray()) },
            new() { Name = "product_view", Data = new ChartData<double>(hours.Select(h => (double)h.ProductViews).ToArray()) },
            new() { Name = "affiliate_click", Data = new ChartData<double>(hours.Select(h => (double)h.AffiliateClicks).ToArray()) },
        ];
    }
}
