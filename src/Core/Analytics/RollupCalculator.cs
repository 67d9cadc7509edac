namespace CreatorPlatform.Core.Analytics;

/// <summary>The sums a rollup holds, from one creator's summaries: the same arithmetic as the direct per-creator read.</summary>
public static class RollupCalculator
{
    public static DateRange Window(DateOnly asOf) => new(asOf.AddDays(1 - RollupSnapshot.WindowDays), asOf);

    public static CreatorRollupRow Row(CreatorRef creator, IReadOnlyList<DailySummary> summaries, DateOnly asOf) =>
        new(creator, RollupSnapshot.Presets.ToDictionary(p => p, p =>
        {
            var range = DateRange.For(p, asOf);
            var current = summaries.Where(s => range.Contains(s.Date)).ToList();
            return new PeriodTotals(Totals.Sum(current.Select(s => s.Totals)),
                Totals.Sum(summaries.Where(s => range.Previous.Contains(s.Date)).Select(s => s.Totals)), current.Count);
        }));

    /// <summary>Traffic on each of the seven days before today, by its summaries.</summary>
    public static bool HadTrafficAllWeek(IReadOnlyList<DailySummary> summaries, DateOnly today)
    {
        var week = new DateRange(today.AddDays(-7), today.AddDays(-1));
        return week.Each().All(d => summaries.Any(s => s.Date == d && !s.Totals.IsEmpty));
    }

    /// <summary>The 24 hours the tracking chart shows: the current hour and the 23 before it.</summary>
    public static DateTimeOffset TrackingFrom(DateTimeOffset now)
    {
        var hour = new DateTimeOffset(now.Year, now.Month, now.Day, now.Hour, 0, 0, TimeSpan.Zero);
        return hour.AddHours(-23);
    }

    public static int HourIndex(DateTimeOffset from, DateTimeOffset at) => (int)Math.Floor((at - from).TotalHours);
}
