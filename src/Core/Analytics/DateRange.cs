using System.Globalization;

namespace CreatorPlatform.Core.Analytics;

public enum RangePreset { Last7, Last30, Last90, ThisMonth, Custom }

/// <summary>An inclusive range of UTC days.</summary>
public sealed record DateRange(DateOnly From, DateOnly To)
{
    /// <summary>The first and last day a range may name: summaries are dated by the platform, and the previous period must exist too.</summary>
    public static readonly DateOnly Earliest = new(2000, 1, 1);
    public static readonly DateOnly Latest = new(2999, 12, 31);

    public int Days => To.DayNumber - From.DayNumber + 1;

    /// <summary>The same number of days just before this range.</summary>
    [System.Text.Json.Serialization.JsonIgnore]
    public DateRange Previous => new(From.AddDays(-Days), From.AddDays(-1));

    public IEnumerable<DateOnly> Each() => Enumerable.Range(0, Days).Select(From.AddDays);

    public bool Contains(DateOnly day) => day >= From && day <= To;

    /// <summary>Why this range is refused, or null when it may be read: at most <paramref name="maxDays"/> days, within <see cref="Earliest"/>..<see cref="Latest"/>.</summary>
    public string? Refusal(int maxDays)
    {
        if (From < Earliest || To > Latest)
            return $"The range {this} is outside {DailySummaryMapper.FormatDate(Earliest)} to {DailySummaryMapper.FormatDate(Latest)}, the days analytics can hold.";
        if (Days > maxDays)
            return $"The range {this} covers {Days:N0} days; at most {maxDays:N0} can be read at once (Platform:Analytics:MaxRangeDays), "
                + "because every day costs a query per creator. Choose a shorter range.";
        return null;
    }

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

/// <summary>Thrown before any read when a range is over the bound; its message is the reason, for the admin.</summary>
public sealed class DateRangeRefusedException(string reason) : Exception(reason);

/// <summary>The configured bound on analytics ranges, applied by every reader of a range (pages, reconcile, rebuild, CLI).</summary>
public sealed class AnalyticsRangeLimit(Microsoft.Extensions.Options.IOptions<PlatformOptions> options)
{
    public int MaxDays => options.Value.Analytics.MaxRangeDays;

    public string? Refusal(DateRange range) => range.Refusal(MaxDays);

    public void Demand(DateRange range)
    {
        if (Refusal(range) is { } reason) throw new DateRangeRefusedException(reason);
    }
}
