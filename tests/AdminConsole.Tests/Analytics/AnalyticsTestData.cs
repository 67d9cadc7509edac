using CreatorPlatform.Core.Analytics;

namespace AdminConsole.Tests.Analytics;

internal static class AnalyticsTestData
{
    public static readonly DateOnly Today = new(2026, 11, 25);
    public static readonly DateRange Week = DateRange.LastDays(7, Today);
    public static readonly CreatorRef Anna = new("id-anna", "anna", "Anna Lee");
    public static readonly CreatorRef Ben = new("id-ben", "ben", "Ben Okafor");

    public static IReadOnlyList<SeriesPoint> Series(params Totals[] days) =>
        days.Select((t, i) => new SeriesPoint(Week.From.AddDays(i), Week.From.AddDays(i), t)).ToList();

    public static PlatformOverview OverviewOf(params CreatorTotals[] creators) => new(Week,
        Totals.Sum(creators.Select(c => c.Current)), Totals.Sum(creators.Select(c => c.Previous)), Granularity.Daily,
        Series(Enumerable.Repeat(new Totals(10, 5, 1), 7).ToArray()), creators);
}
