namespace CreatorPlatform.Core.Analytics;

/// <summary>The platform overview built from a rollup: the same records the direct read returns.</summary>
public static class RollupOverview
{
    public static PlatformOverview From(RollupSnapshot rollup, RangePreset preset, DateRange range)
    {
        var rows = rollup.Creators
            .Select(r =>
            {
                var p = RollupSnapshot.Period(r, preset);
                return new CreatorTotals(r.Creator, p.Current, p.Previous, p.Days);
            })
            .OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList();
        var figures = rollup.FiguresFor(preset);
        var days = rollup.Days.Where(d => range.Contains(d.Key)).Select(d => new DailySummary("", d.Key, d.Value.PageViews, d.Value.ProductViews, d.Value.AffiliateClicks, []));
        return new PlatformOverview(range, figures.Current, figures.Previous, AnalyticsSeries.GranularityFor(range), AnalyticsSeries.Build(range, days), rows)
        {
            Rollup = new RollupInfo(rollup.AsOf, rollup.BuiltAt, rollup.RunId, true),
            CreatorCount = figures.Creators,
            WithSummaries = figures.WithSummaries,
        };
    }
}
