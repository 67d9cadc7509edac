namespace CreatorPlatform.Core.Analytics;

public enum Metric { PageViews, ProductViews, AffiliateClicks, ClickThroughRate }

/// <summary>The three counts of a day, a creator or the platform over a range.</summary>
public sealed record Totals(long PageViews, long ProductViews, long AffiliateClicks)
{
    public static readonly Totals Zero = new(0, 0, 0);

    /// <summary>Affiliate clicks ÷ product views; null (shown as "none") when there were no product views.</summary>
    public double? ClickThroughRate => ProductViews == 0 ? null : (double)AffiliateClicks / ProductViews;

    public bool IsEmpty => PageViews == 0 && ProductViews == 0 && AffiliateClicks == 0;

    public static Totals operator +(Totals a, Totals b) =>
        new(a.PageViews + b.PageViews, a.ProductViews + b.ProductViews, a.AffiliateClicks + b.AffiliateClicks);

    public static Totals operator -(Totals a, Totals b) =>
        new(a.PageViews - b.PageViews, a.ProductViews - b.ProductViews, a.AffiliateClicks - b.AffiliateClicks);

    public static Totals Sum(IEnumerable<Totals> all) => all.Aggregate(Zero, (a, b) => a + b);

    public double? Value(Metric metric) => metric switch
    {
        Metric.PageViews => PageViews,
        Metric.ProductViews => ProductViews,
        Metric.AffiliateClicks => AffiliateClicks,
        _ => ClickThroughRate,
    };

    /// <summary>Relative change against <paramref name="previous"/>; null when there is nothing to compare with.</summary>
    public double? Change(Totals previous, Metric metric) =>
        (Value(metric), previous.Value(metric)) switch
        {
            ({ } now, { } before) when before != 0 => (now - before) / before,
            _ => null,
        };
}
