using System.Collections.Concurrent;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics.Freshness;

/// <summary>
/// Freshness from live data: per creator the newest event (the events' sort key read backwards, one item) and the newest
/// summary day (likewise), at most <c>Platform:Analytics:FreshnessProbeLimit</c> creators. The platform's answer is kept a
/// minute, so page views do not multiply the probes; a rebuild or a restore clears it.
/// </summary>
public sealed class FreshnessService(AnalyticsCreators creators, AnalyticsProbes probes, RebuildRunLog runs, IOptions<PlatformOptions> options, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromMinutes(1);
    private const int Parallelism = 8;
    private readonly Lock gate = new();
    private (DateTimeOffset At, Task<PlatformFreshness> Result)? cached;

    public Task<PlatformFreshness> GetPlatformAsync(CancellationToken ct)
    {
        lock (gate)
        {
            if (cached is { } c && time.GetUtcNow() - c.At < CacheFor && !c.Result.IsFaulted && !c.Result.IsCanceled) return c.Result;
            var task = ProbePlatformAsync(CancellationToken.None);
            cached = (time.GetUtcNow(), task);
            return task.WaitAsync(ct);
        }
    }

    public void Invalidate()
    {
        lock (gate) cached = null;
    }

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
