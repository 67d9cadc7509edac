using System.Collections.Concurrent;
using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Analytics;

/// <summary>A finished reconcile: which run, over what, and what it found.</summary>
public sealed record ReconcileOutcome(string RunId, AnalyticsScope Scope, ReconcileReport Report);

/// <summary>Which creators and days a reconcile or rebuild covers: all creators, and the last 90 days, by default.</summary>
public sealed record AnalyticsScope(string? CreatorSlug, DateRange Range)
{
    /// <summary>The default span of reconcile and rebuild, and the span sandbox traffic is generated over, so a reconcile sees every planted drift.</summary>
    public const int DefaultDays = 90;

    public static DateRange DefaultRange(DateOnly today) => DateRange.LastDays(DefaultDays, today);
}

/// <summary>
/// Recomputes each day from its events and compares it with the stored summary, as DESIGN.md trap 7 asks: the
/// events are the truth. Work is one (creator, day) at a time, a few at once: a Query per day stays one or two pages
/// (a whole range in one Query pages ever more slowly on DynamoDB Local, and cannot run in parallel), and only the
/// days being read are in memory.
/// </summary>
public sealed class AnalyticsReconciler(AnalyticsStore store, AnalyticsCreators creators, AnalyticsRangeLimit limit, TimeProvider time)
{
    /// <summary>A reconcile reads every (creator, day) of its range: it runs as a job, admins only, and can be cancelled.</summary>
    public const string JobKind = "analytics-reconcile";

    public static string Title(AnalyticsScope scope) => $"Reconcile summaries ({scope.CreatorSlug ?? "all creators"}, {scope.Range})";

    /// <summary>The newest reconcile run in this process and its report, for a page that opens after the run ended.</summary>
    public ReconcileOutcome? Latest { get; private set; }

    /// <summary>Throws <see cref="DateRangeRefusedException"/> before any read when the range is over the bound.</summary>
    public async Task<ReconcileReport> ReconcileAsync(AnalyticsScope scope, CancellationToken ct)
    {
        limit.Demand(scope.Range);
        return new(scope.Range, await CompareAsync(await ResolveCreatorsAsync(scope.CreatorSlug, ct), scope.Range, null, ct));
    }

    /// <summary>The reconcile as a job: progress in its counters (days read of days total, events), its report kept in <see cref="Latest"/>.</summary>
    public async Task<ReconcileReport> RunAsync(JobContext job, AnalyticsScope scope)
    {
        if (limit.Refusal(scope.Range) is { } reason) throw new JobFailedException(reason);
        var ct = job.CancellationToken;
        var targets = await ResolveCreatorsAsync(scope.CreatorSlug, ct);
        job.Info($"Reconciling {scope.Range} (UTC) for {targets.Count} creator(s): one Query per creator and day, {AnalyticsStore.CreatorParallelism} at a time...");
        var total = (long)targets.Count * scope.Range.Days;
        job.Set("days total", total);
        job.Track("days read", total, "days read (creators × days)");
        long read = 0;
        var report = new ReconcileReport(scope.Range, await CompareAsync(targets, scope.Range, (_, events) =>
        {
            job.Add("days read");
            job.Add("events", events);
            var done = Interlocked.Increment(ref read);
            if (done * 10 / total != (done - 1) * 10 / total && done < total) job.Info($"Read {done:N0} of {total:N0} creator-days ({done * 100 / total}%)...");
        }, ct));
        Latest = new ReconcileOutcome(job.RunId, scope, report);
        job.Set("days differing", report.Differences.Count);
        if (report.HasDifferences) job.Warning($"{report.Differences.Count} day(s) differ from their events ({report.Events:N0} events read).");
        else job.Success($"✓ Every summary matches its events ({report.Events:N0} events read).");
        return report;
    }

    /// <summary>A day is expired once its first events may have been deleted by TTL; its remaining events undercount.</summary>
    public bool IsExpired(DateOnly day) =>
        new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero) + AnalyticsEvent.Retention <= time.GetUtcNow();

    /// <param name="dayRead">Called after each (creator, day) with its event count, for live progress.</param>
    public async Task<IReadOnlyList<CreatorComparison>> CompareAsync(IReadOnlyList<CreatorRef> targets, DateRange range,
        Action<CreatorRef, long>? dayRead, CancellationToken ct)
    {
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = AnalyticsStore.CreatorParallelism, CancellationToken = ct };
        var stored = new ConcurrentDictionary<string, IReadOnlyList<DailySummary>>();
        await Parallel.ForEachAsync(targets, parallel, async (c, token) => stored[c.Id] = await store.QuerySummariesAsync(c.Id, range, token));

        var days = new ConcurrentDictionary<(string, DateOnly), (DailySummary Summary, long Events, CollisionSigns Collisions, bool Matches)>();
        await Parallel.ForEachAsync(targets.SelectMany(c => range.Each().Select(d => (Creator: c, Day: d))), parallel, async (work, token) =>
        {
            var day = await store.RecomputeDayAsync(work.Creator.Id, work.Day, token);
            // Compared here, against every product of the day, so a tie at the 10th place is judged on the whole day.
            var storedDay = stored[work.Creator.Id].FirstOrDefault(s => s.Date == work.Day);
            if (day is not null) days[(work.Creator.Id, work.Day)] = (day.ToSummary(), day.Events, day.Collisions, storedDay is not null && day.Matches(storedDay));
            dayRead?.Invoke(work.Creator, day?.Events ?? 0);
        });

        return targets.Select(c =>
        {
            var summaries = stored[c.Id].ToDictionary(s => s.Date);
            var found = range.Each().Select(d => days.TryGetValue((c.Id, d), out var r) ? (d, r.Summary, r.Events, r.Collisions) : default)
                .Where(r => r.Summary is not null).ToList();
            var drifts = range.Each()
                .Select(d => Classify(c, d, summaries.GetValueOrDefault(d), days.TryGetValue((c.Id, d), out var r) ? r : null))
                .OfType<DayDrift>().ToList();
            return new CreatorComparison(c, found.Count, found.Sum(r => r.Events), drifts);
        }).ToList();
    }

    private DayDrift? Classify(CreatorRef creator, DateOnly day, DailySummary? stored, (DailySummary Summary, long Events, CollisionSigns Collisions, bool Matches)? events)
    {
        if (stored is null && events is null) return null;
        var recomputed = events?.Summary;
        var kind = IsExpired(day) ? (stored is null ? (DriftKind?)null : DriftKind.Expired)
            : recomputed is null ? DriftKind.NoEvents
            : stored is null ? DriftKind.MissingSummary
            : events!.Value.Matches ? null : DriftKind.Differs;
        return kind is { } k ? new DayDrift(creator, day, k, stored, recomputed, events?.Collisions ?? CollisionSigns.None) : null;
    }

    /// <summary>One creator by slug (an unknown slug fails the job), or every creator.</summary>
    public async Task<IReadOnlyList<CreatorRef>> ResolveCreatorsAsync(string? slug, CancellationToken ct)
    {
        if (string.IsNullOrWhiteSpace(slug)) return await creators.ListCreatorsAsync(ct);
        var creator = await creators.FindBySlugAsync(slug, ct);
        return creator is null ? throw new JobFailedException($"No creator has the slug '{slug}'.") : [creator];
    }
}
