using System.Globalization;

namespace CreatorPlatform.Core.Analytics;

public enum RangePreset { Last7, Last30, Last90, ThisMonth, Custom }

/// <summary>An inclusive range of UTC days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days just before this range.</summary>
    public DateRange Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public IEnumerable<DateOnly> Each() => Enumerable.Range(0, Days).Select(From.AddDays);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    public static DateRange LastDays(int days, DateOnly today) => new(today.AddDays(1 - days), today);

    public static DateRange For(RangePreset preset, DateOnly today, DateRange? custom = null) => preset switch
    {
        RangePreset.Last7 => LastDays(7, today),
        RangePreset.Last30 => LastDays(30, today),
        RangePreset.ThisMonth => new(new DateOnly(today.Year, today.Month, 1), today),
        RangePreset.Custom when custom is not null => custom,
        _ => LastDays(90, today),
    };

    /// <summary>Parses yyyy-MM-dd; from after to is swapped rather than refused.</summary>
    public static DateRange? TryParse(string? from, string? to)
    {
        if (!TryParseDay(from, out var f) || !TryParseDay(to, out var t)) return null;
        return f <= t ? new(f, t) : new(t, f);
    }

    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text, DailySummaryMapper.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    public override string ToString() => $"{DailySummaryMapper.FormatDate(From)} to {DailySummaryMapper.FormatDate(To)}";
}
