namespace CreatorPlatform.Core.Analytics;

public enum DriftKind
{
    /// <summary>Events exist, no summary was stored.</summary>
    MissingSummary,
    /// <summary>The stored counts or top products differ from the events.</summary>
    Differs,
    /// <summary>A summary is stored, no event is left although the day is within retention.</summary>
    NoEvents,
    /// <summary>The day is past the events' TTL: its events are (partly) gone, so it cannot be checked or rebuilt.</summary>
    Expired,
}

/// <summary>One day of one creator where the stored summary and the events disagree, or cannot be compared.</summary>
public sealed record DayDrift(CreatorRef Creator, DateOnly Date, DriftKind Kind, DailySummary? Stored, DailySummary? Recomputed, CollisionSigns Collisions)
{
    /// <summary>Stored minus recomputed: positive when the summary counts more than the events hold.</summary>
    public Totals Difference => (Stored?.Totals ?? Totals.Zero) - (Recomputed?.Totals ?? Totals.Zero);

    public bool TopProductsDiffer => !TopProductRanking.SameUpToTies(Stored?.TopProducts ?? [], Recomputed?.TopProducts ?? []);

    /// <summary>Rebuild rewrites only these: never a day whose events are gone (that would write zeros).</summary>
    public bool Repairable => Kind is DriftKind.MissingSummary or DriftKind.Differs;

    public string Explain() => Kind switch
    {
        DriftKind.MissingSummary => $"no summary stored; events give {Format(Recomputed!.Totals)}",
        DriftKind.NoEvents => $"summary {Format(Stored!.Totals)} but no events within retention; left alone",
        DriftKind.Expired => "events expired by TTL; the stored summary is kept and not checked",
        _ => $"stored {Format(Stored!.Totals)}, events {Format(Recomputed!.Totals)}, difference {Signed(Difference)}"
             + (TopProductsDiffer && Difference.IsEmpty ? "; top products differ" : "")
             + Cause(),
    };

    // The stream aggregator's retries count a day twice (trap 7); a lost event under a shared key (trap 8) also leaves
    // the summary above its events, and only the events' timestamps can tell the two apart.
    private string Cause() =>
        Collisions.Any ? $"; signs of key collisions: {Collisions.Describe()}"
        : Difference.PageViews > 0 || Difference.ProductViews > 0 || Difference.AffiliateClicks > 0 ? "; counted more than once?" : "";

    public static string Format(Totals t) => $"{t.PageViews} page views / {t.ProductViews} product views / {t.AffiliateClicks} clicks";

    private static string Signed(Totals t) => $"{t.PageViews:+#;-#;0} / {t.ProductViews:+#;-#;0} / {t.AffiliateClicks:+#;-#;0}";
}

public sealed record CreatorComparison(CreatorRef Creator, int DaysWithEvents, long Events, IReadOnlyList<DayDrift> Drifts);

public sealed record ReconcileReport(DateRange Range, IReadOnlyList<CreatorComparison> Creators)
{
    public IReadOnlyList<DayDrift> Differences => Creators.SelectMany(c => c.Drifts).Where(d => d.Kind != DriftKind.Expired)
        .OrderBy(d => d.Creator.Slug, StringComparer.Ordinal).ThenBy(d => d.Date).ToList();
    public IReadOnlyList<DayDrift> Expired => Creators.SelectMany(c => c.Drifts).Where(d => d.Kind == DriftKind.Expired).ToList();
    public bool HasDifferences => Creators.Any(c => c.Drifts.Any(d => d.Kind != DriftKind.Expired));
    public long Events => Creators.Sum(c => c.Events);
}
