using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Analytics;

/// <summary>Which creators and days a reconcile or rebuild covers: all creators, and the last 90 days, by default.</summary>
public sealed record AnalyticsScope(string? CreatorSlug, DateRange Range);

/// <summary>
/// Recomputes each day from its events (Query by key, one day in memory at a time) and compares it with the stored
/// summary, as DESIGN.md trap 7 asks: the events are the truth.
/// </summary>
public sealed class AnalyticsReconciler(AnalyticsStore store, AnalyticsCreators creators, TimeProvider time)
{
    public async Task<ReconcileReport> ReconcileAsync(AnalyticsScope scope, CancellationToken ct)
    {
        var targets = await ResolveCreatorsAsync(scope.CreatorSlug, ct);
        var results = new CreatorComparison[targets.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = AnalyticsStore.CreatorParallelism, CancellationToken = ct },
            async (i, token) => results[i] = await CompareAsync(targets[i], scope.Range, token));
        return new ReconcileReport(scope.Range, results);
    }

    /// <summary>A day is expired once its first events may have been deleted by TTL; its remaining events undercount.</summary>
    public bool IsExpired(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + AnalyticsEvent.Retention <= time.GetUtcNow();

    public async Task<CreatorComparison> CompareAsync(CreatorRef creator, DateRange range, CancellationToken ct)
    {
        var stored = (await store.QuerySummariesAsync(creator.Id, range, ct)).ToDictionary(s => s.Date);
        var drifts = new List<DayDrift>();
        int days = 0;
        long events = 0;
        await foreach (var day in store.RecomputeDaysAsync(creator.Id, range, ct))
        {
            days++;
            events += day.Events;
            var recomputed = day.ToSummary();
            var summary = stored.GetValueOrDefault(day.Date);
            stored.Remove(day.Date);
            var kind = IsExpired(day.Date) ? DriftKind.Expired
                : summary is null ? DriftKind.MissingSummary
                : summary.SameAs(recomputed) ? (DriftKind?)null : DriftKind.Differs;
            if (kind is { } k && (k != DriftKind.Expired || summary is not null))
                drifts.Add(new DayDrift(creator, day.Date, k, summary, recomputed, day.Collisions));
        }
        foreach (var orphan in stored.Values)
            drifts.Add(new DayDrift(creator, orphan.Date, IsExpired(orphan.Date) ? DriftKind.Expired : DriftKind.NoEvents, orphan, null, CollisionSigns.None));
        return new CreatorComparison(creator, days, events, drifts.OrderBy(d => d.Date).ToList());
    }

    /// <summary>One creator by slug (an unknown slug fails the job), or every creator.</summary>
    public async Task<IReadOnlyList<CreatorRef>> ResolveCreatorsAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug)) return await creators.ListCreatorsAsync(ct);
        var creator = await creators.FindBySlugAsync(slug, ct);
        return creator is null ? throw new JobFailedException($"No creator has the slug '{slug}'.") : [creator];
    }
}
