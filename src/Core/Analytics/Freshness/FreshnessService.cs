using CreatorPlatform.Core.Walk;

namespace CreatorPlatform.Core.Analytics.Freshness;

/// <summary>
/// Freshness from live data: per creator the newest event (the events' sort key read backwards, one item) and the newest
/// summary day (likewise). The platform's freshness covers every creator and is the platform walk's (a paced job); views
/// read what it stored, one GetItem, with its age.
/// </summary>
public sealed class FreshnessService(AnalyticsProbes probes, RebuildRunLog runs, PlatformFactsStore facts)
{
    /// <summary>The newest walk's freshness of the platform; null before the first walk.</summary>
    public async Task<PlatformFreshness?> GetPlatformAsync(CancellationToken ct) => (await facts.LatestAsync(ct))?.Freshness;

    public async Task<CreatorFreshness> GetCreatorAsync(CreatorRef creator, CancellationToken ct)
    {
        var newest = probes.NewestEventAsync(creator.Id, ct);
        var summary = probes.NewestSummaryAsync(creator.Id, ct);
        return new CreatorFreshness(creator, Parse(await newest), await summary);
    }

    public async Task<RebuildRunRecord?> LastRunAsync(CancellationToken ct)
    {
        try { return await runs.LastCompletedAsync(ct); }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; }
    }

    private static DateTimeOffset? Parse(string? timestamp) =>
        DateTimeOffset.TryParse(timestamp, System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.AssumeUniversal, out var at) ? at : null;
}
