namespace CreatorPlatform.Core.Analytics;

public sealed record CreatorTotals(CreatorRef Creator, Totals Current, Totals Previous, int DaysWithSummaries);

public sealed record PlatformOverview(DateRange Range, Totals Current, Totals Previous, Granularity Granularity,
    IReadOnlyList<SeriesPoint> Series, IReadOnlyList<CreatorTotals> Creators)
{
    /// <summary>The most creators a view ranks: a page of the ranking, whatever the number of creators.</summary>
    public const int RankingSize = 25;
    private readonly int? creatorCount, withSummaries;

    /// <summary>The newest rollup and whether these figures came from it; null when no rebuild has written one.</summary>
    public RollupInfo? Rollup { get; init; }

    /// <summary>
    /// How many creators the figures cover. From a rollup, <see cref="Creators"/> holds only the rows that rank in the first
    /// <see cref="RankingSize"/> by some metric, and this says how many there are in all.
    /// </summary>
    public int CreatorCount { get => creatorCount ?? Creators.Count; init => creatorCount = value; }

    /// <summary>How many of them have a summary in the range.</summary>
    public int WithSummaries { get => withSummaries ?? Creators.Count(c => c.DaysWithSummaries > 0); init => withSummaries = value; }

    public bool HasCreators => CreatorCount > 0;
    public bool HasSummaries => WithSummaries > 0;

    /// <summary>The first <see cref="RankingSize"/> creators by a metric, from the highest value to the lowest; no CTR (no product views) ranks last.</summary>
    public IReadOnlyList<CreatorTotals> RankedBy(Metric metric) => Rank(Creators, c => c.Current, c => c.Creator.Slug, metric).Take(RankingSize).ToList();

    /// <summary>The ranking's one order, for the view and for the rollup that keeps its first rows.</summary>
    public static IOrderedEnumerable<T> Rank<T>(IEnumerable<T> items, Func<T, Totals> current, Func<T, string> slug, Metric metric) => items
        .OrderByDescending(i => current(i).Value(metric).HasValue)
        .ThenByDescending(i => current(i).Value(metric) ?? 0)
        .ThenBy(slug, StringComparer.Ordinal);
}

public sealed record TopProductRow(string ProductId, long Views, long Clicks, ProductInfo? Product)
{
    public double? ClickThroughRate => Views == 0 ? null : (double)Clicks / Views;
    public string Title => Product?.Title ?? $"Unknown product {ProductId}";
}

public sealed record CreatorAnalytics(CreatorRef Creator, DateRange Range, Totals Current, Totals Previous, Granularity Granularity,
    IReadOnlyList<SeriesPoint> Series, IReadOnlyList<TopProductRow> TopProducts, int DaysWithSummaries)
{
    public bool HasTraffic => !Current.IsEmpty;
}

/// <summary>The rollup an overview was read from (or, with <see cref="Used"/> false, the one it could not use for this range).</summary>
public sealed record RollupInfo(DateOnly AsOf, DateTimeOffset BuiltAt, string RunId, bool Used);
