using System.Globalization;
using Amazon.DynamoDBv2.Model;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

public sealed record ProductCount(string ProductId, long Views, long Clicks);

/// <summary>One row of AnalyticsSummariesTable (key creatorId + date, yyyy-MM-dd UTC).</summary>
public sealed record DailySummary(string CreatorId, DateOnly Date, long PageViews, long ProductViews, long AffiliateClicks, IReadOnlyList<ProductCount> TopProducts)
{
    public const int TopProductLimit = 10;

    public Totals Totals => new(PageViews, ProductViews, AffiliateClicks);

    /// <summary>Same counts and the same top products, in any order among ties (the platform's aggregator lists ties first-seen).</summary>
    public bool SameAs(DailySummary other) =>
        Totals == other.Totals && TopProductRanking.SameUpToTies(TopProducts, other.TopProducts);
}

/// <summary>Owns the AttributeValue dictionaries of AnalyticsSummariesTable.</summary>
public static class DailySummaryMapper
{
    public const string DateFormat = "yyyy-MM-dd";

    public static string FormatDate(DateOnly date) => date.ToString(DateFormat, CultureInfo.InvariantCulture);

    public static Dictionary<string, AttributeValue> ToItem(DailySummary s) => new()
    {
        ["creatorId"] = new() { S = s.CreatorId },
        ["date"] = new() { S = FormatDate(s.Date) },
        ["pageViews"] = N(s.PageViews),
        ["productViews"] = N(s.ProductViews),
        ["affiliateClicks"] = N(s.AffiliateClicks),
        ["topProducts"] = new() { L = s.TopProducts.Select(p => new AttributeValue { M = new()
        {
            ["productId"] = new() { S = p.ProductId },
            ["views"] = N(p.Views),
            ["clicks"] = N(p.Clicks),
        } }).ToList() },
    };

    public static DailySummary FromItem(Dictionary<string, AttributeValue> item) => new(
        item.TryGetValue("creatorId", out var c) ? c.S ?? "" : "",
        DateOnly.ParseExact(item["date"].S, DateFormat, CultureInfo.InvariantCulture),
        Long(item, "pageViews"),
        Long(item, "productViews"),
        Long(item, "affiliateClicks"),
        (item.TryGetValue("topProducts", out var top) ? top.L ?? [] : [])
            .Where(p => p.M is not null)
            .Select(p => new ProductCount(p.M.TryGetValue("productId", out var id) ? id.S ?? "" : "", Long(p.M, "views"), Long(p.M, "clicks")))
            .ToList());

    private static long Long(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && long.TryParse(v.N, CultureInfo.InvariantCulture, out var n) ? n : 0;
}
