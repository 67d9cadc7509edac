using System.Globalization;
using CreatorPlatform.Core.Analytics;

namespace AdminConsole.Components.Pages.Analytics;

/// <summary>How analytics numbers read on the page and in its CSV, in one place.</summary>
public static class AnalyticsFormat
{
    private static readonly CultureInfo Culture = CultureInfo.InvariantCulture;

    public const string NoCtr = "none";

    public static string Count(long value) => value.ToString("N0", Culture);

    /// <summary>CTR as a percentage; "none" when there were no product views (never NaN).</summary>
    public static string Ctr(double? ctr) => ctr is { } value ? value.ToString("P1", Culture) : NoCtr;

    public static string Value(Totals totals, Metric metric) =>
        metric == Metric.ClickThroughRate ? Ctr(totals.ClickThroughRate) : Count((long)(totals.Value(metric) ?? 0));

    /// <summary>"+12.5%", "−3.0%", "new" (nothing before), or "no change data" when both periods are empty.</summary>
    public static string Change(Totals current, Totals previous, Metric metric)
    {
        if (current.Change(previous, metric) is { } change)
            return change == 0 ? "±0%" : (change > 0 ? "+" : "−") + Math.Abs(change).ToString("P1", Culture);
        return (current.Value(metric) ?? 0) > 0 ? "new" : "–";
    }

    public static string Label(Metric metric) => metric switch
    {
        Metric.PageViews => "Page views",
        Metric.ProductViews => "Product views",
        Metric.AffiliateClicks => "Affiliate clicks",
        _ => "Click-through rate",
    };

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", Culture);

    /// <summary>A day, or the first day of a week: the chart's title says which.</summary>
    public static string Point(SeriesPoint p, Granularity granularity) =>
        p.Start.ToString("MMM d", Culture);

    /// <summary>An interval as words: "hour", "2 hours", "30 minutes", "day" (for "every …"), never "1:00:00".</summary>
    public static string Every(TimeSpan interval) => interval switch
    {
        { TotalDays: >= 1 } when interval.TotalDays % 1 == 0 => interval.TotalDays == 1 ? "day" : $"{interval.TotalDays:0} days",
        { TotalHours: >= 1 } when interval.TotalHours % 1 == 0 => interval.TotalHours == 1 ? "hour" : $"{interval.TotalHours:0} hours",
        { TotalMinutes: >= 1 } when interval.TotalMinutes % 1 == 0 => interval.TotalMinutes == 1 ? "minute" : $"{interval.TotalMinutes:0} minutes",
        _ => $"{interval.TotalSeconds:0} seconds",
    };

    /// <summary>"just now", "12 min ago", "3 h ago", "2 days ago".</summary>
    public static string Ago(TimeSpan age) => age switch
    {
        { TotalMinutes: < 1 } => "just now",
        { TotalHours: < 1 } => $"{(int)age.TotalMinutes} min ago",
        { TotalDays: < 2 } => $"{(int)age.TotalHours} h ago",
        _ => $"{(int)age.TotalDays} days ago",
    };
}
