using System.Collections.Concurrent;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics.Freshness;

/// <summary>
/// Freshness from live data: per creator the newest event (the events' sort key read backwards, one item) and the newest
/// summary day (likewise), at most <c>Platform:Analytics:FreshnessProbeLimit</c> creators. The platform's answer is kept a
/// minute, so page views do not multiply the probes; a rebuild or a restore clears it.
/// </summary>
public sealed class FreshnessService(AnalyticsCreators creators, AnalyticsProbes probes, RebuildRunLog runs, IOptions<PlatformOptions> options,
    TimeProvider time, HybridCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private const int Parallelism = 8;
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = CacheFor, LocalCacheExpiration = CacheFor, Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };
    private int generation;

    /// <summary>Concurrent callers share one probe, which runs to its end even when they leave: the next page view uses it.</summary>
    public Task<PlatformFreshness> GetPlatformAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync($"freshness:{Volatile.Read(ref generation)}", this,
            static (self, _) => new ValueTask<PlatformFreshness>(self.ProbePlatformAsync(CancellationToken.None)), Entry, cancellationToken: ct).AsTask();

    /// <summary>A new key rather than a removal: a probe still running from before the change cannot answer after it.</summary>
    public void Invalidate() => Interlocked.Increment(ref generation);

    public async Task<CreatorFreshness> GetCreatorAsync(CreatorRef creator, CancellationToken ct)
    {
        var newest = probes.NewestEventAsync(creator.Id, ct);
        var summary = probes.NewestSummaryAsync(creator.Id, ct);
        return new CreatorFreshness(creator, Parse(await newest), await summary);
    }

    private async Task<PlatformFreshness> ProbePlatformAsync(CancellationToken ct)
    {
        var all = await creators.ListCreatorsAsync(ct);
        var probed = all.Take(options.Value.Analytics.FreshnessProbeLimit).ToList();
        var results = new ConcurrentBag<CreatorFreshness>();
        await Parallel.ForEachAsync(probed, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (c, token) => results.Add(await GetCreatorAsync(c, token)));
        var lastRun = await LastRunAsync(ct);
        return new PlatformFreshness(time.GetUtcNow(), DateRange.Today(time),
            results.OrderBy(r => r.State == FreshnessState.Behind ? 0 : 1).ThenBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList(), all.Count, lastRun);
    }

    private async Task<RebuildRunRecord?> LastRunAsync(CancellationToken ct)
    {
        try { return await runs.LastCompletedAsync(ct); }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; }
    }

    private static DateTimeOffset? Parse(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
