using Bogus;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;

namespace CreatorPlatform.Sandbox.Traffic;

/// <summary>The sandbox's deliberate drift: a day counted twice, a day missing, a day with a key collision.</summary>
internal sealed class DriftPlan(IReadOnlyList<DateOnly> days, Randomizer random)
{
    // Days well inside the range: not today (still filling) and not the oldest days (the first to expire).
    private readonly DateOnly[] picked = random.Shuffle(days.Skip(days.Count / 4).Take(Math.Max(3, days.Count / 2))).Take(3).ToArray();

    public DateOnly? Collision => picked.Length > 2 ? picked[2] : null;

    public IEnumerable<PlantedDrift> Apply(CreatorRef creator, List<DailySummary> summaries)
    {
        if (picked.Length < 3) yield break;
        var doubled = summaries.FindIndex(s => s.Date == picked[0]);
        if (doubled >= 0)
        {
            var s = summaries[doubled];
            summaries[doubled] = s with
            {
                PageViews = s.PageViews * 2, ProductViews = s.ProductViews * 2, AffiliateClicks = s.AffiliateClicks * 2,
                TopProducts = s.TopProducts.Select(p => p with { Views = p.Views * 2, Clicks = p.Clicks * 2 }).ToList(),
            };
            yield return new PlantedDrift(creator, picked[0], "counted twice (a stream retry)");
        }
        if (summaries.RemoveAll(s => s.Date == picked[1]) > 0)
            yield return new PlantedDrift(creator, picked[1], "summary missing");
        if (summaries.Any(s => s.Date == picked[2]))
            yield return new PlantedDrift(creator, picked[2], "key collision: one event lost under a shared key, still counted");
    }
}
