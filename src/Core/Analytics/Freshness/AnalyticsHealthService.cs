namespace CreatorPlatform.Core.Analytics.Freshness;

/// <summary>What the Analytics page shows of the analytics' own health: freshness, tracking, and the rebuilds that can be undone.</summary>
public sealed record AnalyticsHealth(PlatformFreshness? Platform, CreatorFreshness? Creator, TrackingSnapshot? Tracking, DateTimeOffset? RolledUpAt,
    IReadOnlyList<RebuildRunRecord> Runs, DateTimeOffset Now)
{
    /// <summary>The run "restore previous" undoes: the newest that rewrote days and was not restored.</summary>
    public RebuildRunRecord? RestoreCandidate => Runs.FirstOrDefault(r => r.CanRestore && Now - r.EndedAt < SummaryJournal.Retention);
}

/// <summary>The Analytics page's one entry point for its health panels; every read is by key or bounded.</summary>
public sealed class AnalyticsHealthService(FreshnessService freshness, AnalyticsRollups rollups, RebuildRunLog runs, AnalyticsCreators creators,
    Schema.TableReads reads, Schema.PlatformSchema schema, TimeProvider time)
{
    /// <summary>
    /// The platform's health, or with <paramref name="slug"/> one creator's freshness (null creator: unknown slug).
    /// Throws <see cref="Schema.TableMissingException"/> when a table it reads (the console's own first) does not exist.
    /// </summary>
    public Task<AnalyticsHealth> GetAsync(string? slug, CancellationToken ct) =>
        reads.ReadAsync([schema.Ops.Name, schema.Creators.Name, schema.AnalyticsEvents.Name, schema.AnalyticsSummaries.Name], () => ReadAsync(slug, ct), ct);

    private async Task<AnalyticsHealth> ReadAsync(string? slug, CancellationToken ct)
    {
        var recent = runs.RecentAsync(RebuildRunLog.HistoryLimit, ct);
        if (slug is not null)
        {
            var creator = await creators.FindBySlugAsync(slug, ct);
            var line = creator is null ? null : await freshness.GetCreatorAsync(creator, ct);
            return new AnalyticsHealth(null, line, null, null, await recent, time.GetUtcNow());
        }
        var platform = freshness.GetPlatformAsync(ct);
        var rollup = await rollups.ReadAsync(ct);
        return new AnalyticsHealth(await platform, null, rollup?.Tracking, rollup?.BuiltAt, await recent, time.GetUtcNow());
    }
}
