namespace CreatorPlatform.Core.Analytics;

public sealed record CreatorTotals(CreatorRef Creator, Totals Current, Totals Previous, int DaysWithSummaries);

public sealed record PlatformOverview(DateRange Range, Totals Current, Totals Previous, Granularity Granularity,
    IReadOnlyList<SeriesPoint> Series, IReadOnlyList<CreatorTotals> Creators)
{
    /// <summary>The newest rollup and whether these figures came from it; null when no rebuild has written one.</summary>
    public RollupInfo? Rollup { get; init; }

    public bool HasCreators => Creators.Count > 0;
    public bool HasSummaries => Creators.Any(c => c.DaysWithSummaries > 0);

    /// <summary>Creators from the highest to the lowest value of a metric; no CTR (no product views) ranks last.</summary>
    public IReadOnlyList<CreatorTotals> RankedBy(Metric metric) => Creators
        .OrderByDescending(c => c.Current.Value(metric).HasValue)
        .ThenByDescending(c => c.Current.Value(metric) ?? 0)
        .ThenBy(c => c.Creator.Slug, StringComparer.Ordinal)
        .ToList();
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
