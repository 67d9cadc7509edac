using CreatorPlatform.Core.Monitoring;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Analytics;

public static class AnalyticsServices
{
    /// <summary>Analytics: summaries by key, reconcile and rebuild from events.</summary>
    public static IServiceCollection AddAnalytics(this IServiceCollection services)
    {
        services.AddSingleton<AnalyticsRangeLimit>();
        services.AddSingleton<AnalyticsStore>();
        services.AddSingleton<AnalyticsCreators>();
        services.AddSingleton<ProductLookup>();
        services.AddSingleton<AnalyticsQueries>();
        services.AddSingleton<AnalyticsReconciler>();
        services.AddSingleton<AnalyticsRebuilder>();
        // Freshness, rollups and the schedule; the journal and restore previous.
        services.AddSingleton<AnalyticsProbes>();
        services.AddSingleton<RebuildRunLog>();
        services.AddSingleton<SummaryJournal>();
        services.AddSingleton<SummaryRestorer>();
        services.AddSingleton<AnalyticsRollups>();
        services.AddSingleton<Freshness.FreshnessService>();
        services.AddSingleton<Freshness.AnalyticsHealthService>();
        services.AddSingleton<AnalyticsScreen>();
        services.AddSingleton<ScheduledRebuild>();
        services.AddSingleton<Rollout.IRolloutCheck, Freshness.AnalyticsFreshCheck>();
        services.AddSingleton<Verification.IVerificationSection, Freshness.AnalyticsFreshnessSection>();
        // The rebuild's own figures beside the migration's on the Tables page: events read, days rewritten.
        services.AddSingleton(new JobUsageSource(AnalyticsRebuilder.JobKind, schema => schema.AnalyticsSummaries.Name, "events", "days rewritten"));
        return services;
    }
}
