using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Analytics;

/// <summary>The figures the Analytics page shows: the platform overview, or one creator's (null: no creator has the slug).</summary>
public sealed record AnalyticsFigures(PlatformOverview? Overview, CreatorAnalytics? Creator);

/// <summary>The Analytics page's one entry point: the range's refusal, the figures, the health panels and the rebuild schedule.</summary>
public sealed class AnalyticsScreen(AnalyticsQueries queries, AnalyticsHealthService health, ScheduledRebuild schedule)
{
    /// <summary>Why the range is refused before any read, or null.</summary>
    public string? Refusal(DateRange range) => queries.Refusal(range);

    /// <summary>One creator's figures with <paramref name="slug"/>, else the platform's; throws <see cref="TableMissingException"/>.</summary>
    public async Task<AnalyticsFigures> ReadAsync(string? slug, DateRange range, CancellationToken ct) => slug is null
        ? new(await queries.GetOverviewAsync(range, ct), null)
        : new(null, await queries.GetCreatorAsync(slug, range, ct));

    /// <summary>Null while a table it reads (the console's own, typically) does not exist: the figures still show, without the health panels.</summary>
    public async Task<AnalyticsHealth?> ReadHealthAsync(string? slug, CancellationToken ct)
    {
        try { return await health.GetAsync(slug, ct); }
        catch (TableMissingException) { return null; }
    }

    public bool ScheduleEnabled => schedule.Enabled;

    public TimeSpan ScheduleInterval => schedule.Settings.Interval;
}
