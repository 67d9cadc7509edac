using CreatorPlatform.Core.Analytics;
using AdminConsole.Components.Shared;
using MudBlazor;

namespace AdminConsole.Components.Pages.Analytics;

/// <summary>What the charts plot, built from the views' records so that tests can check it without a browser.</summary>
public static class AnalyticsCharts
{
    public static readonly Metric[] Counts = [Metric.PageViews, Metric.ProductViews, Metric.AffiliateClicks];

    public static string[] Labels(IReadOnlyList<SeriesPoint> series, Granularity granularity) =>
        ChartText.Labels(series.Select(p => AnalyticsFormat.Point(p, granularity)));

    public static List<ChartSeries<double>> Trend(IReadOnlyList<SeriesPoint> series) => Counts
        .Select(metric => new ChartSeries<double>
        {
            Name = AnalyticsFormat.Label(metric),
            Data = new ChartData<double>(series.Select(p => p.Totals.Value(metric) ?? 0).ToArray()),
        })
        .ToList();

    /// <summary>The ten creators with most of a metric, as one bar series.</summary>
    public static (string[] Labels, List<ChartSeries<double>> Series) Ranking(IReadOnlyList<CreatorTotals> ranked, Metric metric)
    {
        var top = ranked.Take(10).ToList();
        var values = top.Select(c => metric == Metric.ClickThroughRate ? 100 * (c.Current.ClickThroughRate ?? 0) : c.Current.Value(metric) ?? 0).ToArray();
        return (ChartText.Labels(top.Select(c => c.Creator.Slug)),
            [new ChartSeries<double> { Name = AnalyticsFormat.Label(metric) + (metric == Metric.ClickThroughRate ? " (%)" : ""), Data = new ChartData<double>(values) }]);
    }
}
