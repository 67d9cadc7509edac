using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Analytics;

/// <summary>The platform overview and the per-creator view, from the summaries, read by key.</summary>
public sealed class AnalyticsQueries(AnalyticsStore store, AnalyticsCreators creators, ProductLookup products, AnalyticsRangeLimit limit,
    AnalyticsRollups rollups, Schema.TableReads reads, Schema.PlatformSchema schema)
{
    private IReadOnlyList<string> Reads => [schema.Creators.Name, schema.AnalyticsSummaries.Name, schema.Products.Name];

    /// <summary>Why the range is refused before any read, or null; the pages show it instead of the figures.</summary>
    public string? Refusal(DateRange range) => limit.Refusal(range);

    /// <summary>
    /// From the rollups when they answer this range (a preset ending on the rollup's day), else one Query per creator.
    /// Throws <see cref="DateRangeRefusedException"/> before any read when the range is over the bound, and
    /// <see cref="Schema.TableMissingException"/> when a table it reads does not exist.
    /// </summary>
    public Task<PlatformOverview> GetOverviewAsync(DateRange range, CancellationToken ct) => reads.ReadAsync(Reads, () => ReadOverviewAsync(range, ct), ct);

    private async Task<PlatformOverview> ReadOverviewAsync(DateRange range, CancellationToken ct)
    {
        limit.Demand(range);
        var rollup = await ReadRollupAsync(ct);
        if (rollup?.PresetFor(range) is { } preset) return RollupOverview.From(rollup, preset, range);
        return await GetOverviewDirectAsync(range, ct) with { Rollup = rollup is null ? null : new RollupInfo(rollup.AsOf, rollup.BuiltAt, rollup.RunId, false) };
    }

    private async Task<RollupSnapshot?> ReadRollupAsync(CancellationToken ct)
    {
        try { return await rollups.ReadAsync(ct); }
        catch (ResourceNotFoundException) { return null; }
    }

    /// <summary>The overview from the summaries, one Query per creator: what the rollups must equal.</summary>
    public async Task<PlatformOverview> GetOverviewDirectAsync(DateRange range, CancellationToken ct)
    {
        limit.Demand(range);
        var all = await creators.ListCreatorsAsync(ct);
        var rows = new ConcurrentBag<(CreatorTotals Row, IReadOnlyList<DailySummary> Summaries)>();
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = AnalyticsStore.CreatorParallelism, CancellationToken = ct },
            async (creator, token) =>
            {
                var summaries = await ReadWithPreviousAsync(creator, range, token);
                rows.Add((ToRow(creator, range, summaries), summaries));
            });
        var current = rows.SelectMany(r => r.Summaries).Where(s => range.Contains(s.Date)).ToList();
        return new PlatformOverview(range,
            Totals.Sum(rows.Select(r => r.Row.Current)),
            Totals.Sum(rows.Select(r => r.Row.Previous)),
            AnalyticsSeries.GranularityFor(range), AnalyticsSeries.Build(range, current),
            rows.Select(r => r.Row).OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList());
    }

    /// <summary>Null when no creator has this slug; throws <see cref="Schema.TableMissingException"/> when a table it reads does not exist.</summary>
    public Task<CreatorAnalytics?> GetCreatorAsync(string slug, DateRange range, CancellationToken ct) =>
        reads.ReadAsync(Reads, () => ReadCreatorAsync(slug, range, ct), ct);

    private async Task<CreatorAnalytics?> ReadCreatorAsync(string slug, DateRange range, CancellationToken ct)
    {
        limit.Demand(range);
        var creator = await creators.FindBySlugAsync(slug, ct);
        if (creator is null) return null;
        var summaries = await ReadWithPreviousAsync(creator, range, ct);
        var row = ToRow(creator, range, summaries);
        var top = MergeTopProducts(summaries.Where(s => range.Contains(s.Date)));
        var info = await products.GetAsync(top.Select(p => p.ProductId), ct);
        return new CreatorAnalytics(creator, range, row.Current, row.Previous, AnalyticsSeries.GranularityFor(range),
            AnalyticsSeries.Build(range, summaries),
            top.Select(p => new TopProductRow(p.ProductId, p.Views, p.Clicks, info.GetValueOrDefault(p.ProductId))).ToList(),
            row.DaysWithSummaries);
    }

    /// <summary>
    /// The range's top products from each day's stored top 10: a product outside a day's top 10 is not counted for
    /// that day, so these are lower bounds (the page says so).
    /// </summary>
    public static IReadOnlyList<ProductCount> MergeTopProducts(IEnumerable<DailySummary> summaries) => summaries
        .SelectMany(s => s.TopProducts)
        .GroupBy(p => p.ProductId)
        .Select(g => new ProductCount(g.Key, g.Sum(p => p.Views), g.Sum(p => p.Clicks)))
        .OrderByDescending(p => p.Views).ThenByDescending(p => p.Clicks).ThenBy(p => p.ProductId, StringComparer.Ordinal)
        .Take(DailySummary.TopProductLimit)
        .ToList();

    // One Query covers the range and the previous period: they are adjacent.
    private Task<IReadOnlyList<DailySummary>> ReadWithPreviousAsync(CreatorRef creator, DateRange range, CancellationToken ct) =>
        store.QuerySummariesAsync(creator.Id, new DateRange(range.Previous.From, range.To), ct);

    private static CreatorTotals ToRow(CreatorRef creator, DateRange range, IReadOnlyList<DailySummary> summaries)
    {
        var current = summaries.Where(s => range.Contains(s.Date)).ToList();
        var previous = summaries.Where(s => range.Previous.Contains(s.Date));
        return new CreatorTotals(creator,
            Totals.Sum(current.Select(s => s.Totals)),
            Totals.Sum(previous.Select(s => s.Totals)),
            current.Count);
    }
}
