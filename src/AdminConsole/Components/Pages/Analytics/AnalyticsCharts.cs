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

    /// <summary>
    /// Every label stays in the data, only about <paramref name="max"/> are drawn, evenly spaced: at 12 px a chart 320 px
    /// wide (a phone) has room for five dates side by side, and a wide one reads as well with them.
    /// </summary>
    public static string[] Sparse(IReadOnlyList<string> labels, int max = 5)
    {
        var step = Math.Max(1, (int)Math.Ceiling(labels.Count / (double)max));
        return labels.Select((l, i) => i % step == 0 ? l : "").ToArray();
    }

    /// <summary>Few y-axis ticks: the chart is sized to its card, so labels keep their 12 px and need their room.</summary>
    public static LineChartOptions LineOptions() => new() { MaxNumYAxisTicks = 5 };

    public static BarChartOptions BarOptions(int xLabelRotation) => new() { MaxNumYAxisTicks = 5, XAxisLabelRotation = xLabelRotation };

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
