namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// Top products as the platform's aggregator builds them (aggregateAnalytics 115-122, 163-170): by views + clicks,
/// descending, at most 10, ties in the order the products were first seen. Ties may come in any order, so two
/// summaries are the same when they rank the same scores, whichever of the tied products they list.
/// </summary>
public static class TopProductRanking
{
    public static long Score(ProductCount p) => p.Views + p.Clicks;

    /// <summary>The platform's top list from every product of a day, given in first-seen order.</summary>
    public static IReadOnlyList<ProductCount> Rank(IEnumerable<ProductCount> firstSeenOrder) =>
        firstSeenOrder.OrderByDescending(Score).Take(DailySummary.TopProductLimit).ToList(); // OrderBy is stable: ties keep first-seen order

    /// <summary>
    /// Whether <paramref name="stored"/> is a correct top list for a day whose products are <paramref name="all"/>: each listed
    /// product with its true counts, ordered by score, and the scores those of the day's best. When a tie straddles the
    /// 10th place, either of the tied products is a correct 10th.
    /// </summary>
    public static bool IsCorrectTop(IReadOnlyList<ProductCount> stored, IReadOnlyCollection<ProductCount> all)
    {
        var expected = all.Select(Score).OrderDescending().Take(DailySummary.TopProductLimit).ToList();
        if (stored.Count != expected.Count || stored.Select(p => p.ProductId).Distinct().Count() != stored.Count) return false;
        var truth = all.ToDictionary(p => p.ProductId);
        return stored.Select((p, i) => truth.GetValueOrDefault(p.ProductId) == p && Score(p) == expected[i]).All(ok => ok);
    }

    /// <summary>Two top lists that rank the same products with the same counts, differing only in the order of ties.</summary>
    public static bool SameUpToTies(IReadOnlyList<ProductCount> a, IReadOnlyList<ProductCount> b) =>
        a.Count == b.Count && a.Select(Score).SequenceEqual(b.Select(Score)) && a.ToHashSet().SetEquals(b);
}
