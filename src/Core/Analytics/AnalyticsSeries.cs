namespace CreatorPlatform.Core.Analytics;

public enum Granularity { Daily, Weekly }

/// <summary>One point of a time series: the totals of a day, or of a week (Monday to Sunday, clipped to the range).</summary>
public sealed record SeriesPoint(DateOnly Start, DateOnly End, Totals Totals);

public static class AnalyticsSeries
{
    /// <summary>Ranges longer than this are shown by week: 90 daily points are noise at a glance.</summary>
    public const int MaxDailyPoints = 31;

    public static Granularity GranularityFor(DateRange range) => range.Days > MaxDailyPoints ? Granularity.Weekly : Granularity.Daily;

    /// <summary>Every day or week of the range, zero where there is no summary, so gaps show as zeros, not as missing points.</summary>
    public static IReadOnlyList<SeriesPoint> Build(DateRange range, IEnumerable<DailySummary> summaries)
    {
        var byDay = summaries.Where(s => range.Contains(s.Date)).GroupBy(s => s.Date)
            .ToDictionary(g => g.Key, g => Totals.Sum(g.Select(s => s.Totals)));
        var days = range.Each().Select(d => new SeriesPoint(d, d, byDay.GetValueOrDefault(d, Totals.Zero)));
        if (GranularityFor(range) == Granularity.Daily) return days.ToList();
        return days.GroupBy(p => WeekStart(p.Start))
            .Select(w => new SeriesPoint(w.First().Start, w.Last().End, Totals.Sum(w.Select(p => p.Totals))))
            .ToList();
    }

    private static DateOnly WeekStart(DateOnly day) => day.AddDays(-(((int)day.DayOfWeek + 6) % 7));
}
