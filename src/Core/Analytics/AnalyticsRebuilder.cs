using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// Rewrites the summaries of a range from the events, as a job. Only days that differ are written, so a second run
/// writes nothing and leaves the same table. Days whose events have expired by TTL are never overwritten. Each day is
/// journalled before it is rewritten (restore previous), and the run ends by writing the overview's rollups.
/// </summary>
public sealed class AnalyticsRebuilder(AnalyticsReconciler reconciler, AnalyticsStore store, AnalyticsRangeLimit limit, SummaryJournal journal,
    RebuildRunLog runs, AnalyticsRollups rollups, TimeProvider time, ILogger<AnalyticsRebuilder> logger)
{
    public const string JobKind = "analytics-rebuild";

    public static string Title(AnalyticsScope scope) => $"Rebuild summaries ({scope.CreatorSlug ?? "all creators"}, {scope.Range})";

    public async Task RebuildAsync(JobContext job, AnalyticsScope scope, string startedBy, RebuildTrigger trigger = RebuildTrigger.Manual)
    {
        if (limit.Refusal(scope.Range) is { } reason) throw new JobFailedException(reason);
        var startedAt = time.GetUtcNow();
        var ct = job.CancellationToken;
        logger.LogInformation("Audit: analytics rebuild {RunId} ({Trigger}) by {User} for {Creator} {Range}", job.RunId, trigger, startedBy,
            scope.CreatorSlug ?? "all creators", scope.Range);
        var creators = await reconciler.ResolveCreatorsAsync(scope.CreatorSlug, ct);
        if (creators.Count == 0) throw new JobFailedException("There are no creators in CreatorsTable to rebuild.");
        job.Info($"Rebuilding {scope.Range} (UTC) for {creators.Count} creator(s): one Query per creator and day, {AnalyticsStore.CreatorParallelism} at a time...");
        job.Set("days total", (long)creators.Count * scope.Range.Days);
        job.Track("days read", (long)creators.Count * scope.Range.Days, "days read (creators × days)");
        var comparisons = await reconciler.CompareAsync(creators, scope.Range, (_, events) =>
        {
            job.Add("days read");
            job.Add("events", events);
        }, ct);
        long events = 0, rewritten = 0, kept = 0;
        foreach (var comparison in comparisons)
        {
            var repairs = comparison.Drifts.Where(d => d.Repairable).ToList();
            await journal.WriteAsync(job.RunId, repairs.Select(d => new JournalEntry(d.Creator.Id, d.Date, d.Stored, d.Recomputed!)), ct);
            await store.PutSummariesAsync(repairs.Select(d => d.Recomputed!), ct);
            foreach (var d in comparison.Drifts.Where(d => !d.Repairable))
                job.Warning($"  {comparison.Creator.Slug} {DailySummaryMapper.FormatDate(d.Date)}: {d.Explain()}");
            events += comparison.Events;
            rewritten += repairs.Count;
            kept += comparison.Drifts.Count - repairs.Count;
            job.Add("days rewritten", repairs.Count);
            job.Add("days left alone", comparison.Drifts.Count - repairs.Count);
            job.Add("creators");
            job.Info($"{comparison.Creator.Slug}: {comparison.Events:N0} events over {comparison.DaysWithEvents} day(s), {repairs.Count} rewritten");
        }

        logger.LogInformation("Audit: analytics rebuild {RunId} rewrote {Days} day(s)", job.RunId, rewritten);
        await runs.SaveAsync(new RebuildRunRecord(job.RunId, trigger, scope.Range, scope.CreatorSlug, startedBy, startedAt, time.GetUtcNow(), rewritten, events), ct);
        await rollups.RefreshAsync(job, ct);
        if (kept > 0)
            job.Warning($"{kept} day(s) were left alone: their events expired by TTL or are missing, and a rebuild never writes zeros over a summary.");
        job.Success(rewritten == 0
            ? $"✓ Nothing to rewrite: every day with events matches its summary ({events:N0} events read)."
            : $"✓ Rebuild done: {rewritten} day(s) rewritten from {events:N0} events; the summaries they replaced are kept 35 days (restore previous).");
    }
}
