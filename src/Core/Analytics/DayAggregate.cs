namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// Computes one creator's day from its events, as the platform's aggregator should have: counts by event type and
/// the top products by views + clicks, ties in first-seen order. Memory grows with the day's distinct products, never with its events.
/// </summary>
public sealed class DayAggregate(string creatorId, DateOnly date)
{
    private readonly Dictionary<string, (long Views, long Clicks, int FirstSeen)> products = [];
    private long pageViews, productViews, affiliateClicks;
    private long? previousMillis;

    public string CreatorId => creatorId;
    public DateOnly Date => date;
    public long Events { get; private set; }
    public CollisionSigns Collisions { get; private set; } = CollisionSigns.None;

    /// <summary>Adds an event; events of one creator arrive in key (timestamp) order when read by Query.</summary>
    public void Add(AnalyticsEvent e)
    {
        Events++;
        switch (e.EventType)
        {
            case EventTypes.PageView: pageViews++; break;
            case EventTypes.ProductView: productViews++; Count(e.ProductId, views: 1, clicks: 0); break;
            case EventTypes.AffiliateClick: affiliateClicks++; Count(e.ProductId, views: 0, clicks: 1); break;
        }
        NoteTimestamp(e.Timestamp);
    }

    public DailySummary ToSummary() => new(creatorId, date, pageViews, productViews, affiliateClicks, TopProductRanking.Rank(Products()));

    /// <summary>Whether <paramref name="stored"/> is this day as the platform would build it: same counts, a correct top list.</summary>
    public bool Matches(DailySummary stored) =>
        stored.Totals == new Totals(pageViews, productViews, affiliateClicks) && TopProductRanking.IsCorrectTop(stored.TopProducts, Products());

    /// <summary>Every product of the day with its counts, in the order first seen.</summary>
    private List<ProductCount> Products() =>
        products.OrderBy(p => p.Value.FirstSeen).Select(p => new ProductCount(p.Key, p.Value.Views, p.Value.Clicks)).ToList();

    private void Count(string? productId, long views, long clicks)
    {
        if (string.IsNullOrEmpty(productId)) return;
        var (v, c, first) = products.TryGetValue(productId, out var seen) ? seen : (0, 0, products.Count);
        products[productId] = (v + views, c + clicks, first);
    }

    // Two events in one millisecond share a key and one is lost (DESIGN.md trap 8). The survivors cannot show the
    // loss itself, but events 1 ms apart and timestamps without milliseconds are where it happens.
    private void NoteTimestamp(string timestamp)
    {
        if (!DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, out var at)) return;
        var millis = at.ToUnixTimeMilliseconds();
        var adjacent = previousMillis is { } p && millis - p is >= 0 and <= 1;
        var coarse = timestamp.Length < 20 || timestamp[19] != '.';
        if (adjacent || coarse)
            Collisions = Collisions with
            {
                AdjacentMillisecond = Collisions.AdjacentMillisecond + (adjacent ? 1 : 0),
                SecondPrecision = Collisions.SecondPrecision + (coarse ? 1 : 0),
            };
        previousMillis = millis;
    }
}

/// <summary>Where a day's events show signs of key collisions (DESIGN.md trap 8).</summary>
public sealed record CollisionSigns(int AdjacentMillisecond, int SecondPrecision)
{
    public static readonly CollisionSigns None = new(0, 0);
    public bool Any => AdjacentMillisecond > 0 || SecondPrecision > 0;

    public string Describe() => string.Join("; ", new[]
    {
        AdjacentMillisecond > 0 ? $"{AdjacentMillisecond} event(s) 1 ms after the previous one" : null,
        SecondPrecision > 0 ? $"{SecondPrecision} timestamp(s) without milliseconds" : null,
    }.OfType<string>());
}
