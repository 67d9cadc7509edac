namespace CreatorPlatform.Core.Analytics;

/// <summary>The platform overview built from a rollup: the same records the direct read returns.</summary>
public static class RollupOverview
{
    public static PlatformOverview From(RollupSnapshot rollup, RangePreset preset, DateRange range)
    {
        var rows = rollup.Creators
            .Select(r => r.Periods.TryGetValue(preset, out var p) ? new CreatorTotals(r.Creator, p.Current, p.Previous, p.Days) : new CreatorTotals(r.Creator,
                Totals.Zero, Totals.Zero, 0))
            .OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList();
        var days = rollup.Days.Where(d => range.Contains(d.Key)).Select(d => new DailySummary("", d.Key, d.Value.PageViews, d.Value.ProductViews, d.Value.AffiliateClicks, []));
        return new PlatformOverview(range, Totals.Sum(rows.Select(r => r.Current)), Totals.Sum(rows.Select(r => r.Previous)),
            AnalyticsSeries.GranularityFor(range), AnalyticsSeries.Build(range, days), rows)
        {
            Rollup = new RollupInfo(rollup.AsOf, rollup.BuiltAt, rollup.RunId, true),
        };
    }
}
