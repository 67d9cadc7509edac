using Bogus;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;

namespace CreatorPlatform.Sandbox.Traffic;

/// <summary>
/// How much traffic a creator gets on each day, and on which products: a weekly rhythm (weekends higher), slow
/// growth, a few viral days that fade over the next days, and a long tail of products.
/// </summary>
internal sealed class TrafficShape(Randomizer random, IReadOnlyList<string> allProducts)
{
    private static readonly double[] Weekday = [1.25, 0.9, 0.95, 1.0, 1.0, 0.95, 1.2]; // Sunday first

    public IReadOnlyList<string> Products { get; } = random.Shuffle(allProducts).Take(Math.Min(allProducts.Count, random.Int(40, 120))).ToList();
    public double ClickShare { get; } = random.Double(0.025, 0.06);

    /// <summary>Events per day of <paramref name="days"/>, summing to about <paramref name="total"/>.</summary>
    public int[] EventsPerDay(IReadOnlyList<DateOnly> days, long total)
    {
        var weights = days.Select((d, i) => Weekday[(int)d.DayOfWeek] * (1 + 0.4 * i / days.Count) * random.Double(0.85, 1.15)).ToArray();
        foreach (var viral in Enumerable.Range(0, 2).Select(_ => random.Int(0, days.Count - 1)))
        {
            var boost = random.Double(4, 8);
            for (var k = 0; k < 4 && viral + k < days.Count; k++) weights[viral + k] *= 1 + (boost - 1) / (1 << (2 * k));
        }
        var sum = weights.Sum();
        return weights.Select(w => (int)Math.Round(total * w / sum)).ToArray();
    }

    public string EventType()
    {
        var u = random.Double();
        return u < ClickShare ? EventTypes.AffiliateClick : u < ClickShare + 0.34 ? EventTypes.ProductView : EventTypes.PageView;
    }

    /// <summary>A long tail: the first products of the shuffled list get most of the views.</summary>
    public string Product() => Products[(int)(Products.Count * Math.Pow(random.Double(), 2.5))];

    /// <summary>Sorted distinct offsets in milliseconds, at least 2 ms apart, so that only planted bursts look like collisions.</summary>
    public long[] Offsets(int count, long dayMillis)
    {
        var offsets = Enumerable.Range(0, count).Select(_ => random.Long(0, Math.Max(1, dayMillis - 2L * count))).Order().ToArray();
        for (var i = 0; i < offsets.Length; i++) offsets[i] += 2L * i;
        return offsets;
    }
}
