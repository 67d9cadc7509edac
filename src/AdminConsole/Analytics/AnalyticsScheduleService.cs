using CreatorPlatform.Core.Analytics;

namespace AdminConsole.Analytics;

/// <summary>
/// The web app's scheduled rebuild (Platform:Analytics:Schedule). Only the web app runs it: a CLI verb is one job and exits.
/// Every replica runs this loop; each interval's slot is claimed in the ops table, so one of them rebuilds.
/// </summary>
public sealed class AnalyticsScheduleService(ScheduledRebuild schedule, ILogger<AnalyticsScheduleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!schedule.Enabled)
        {
            logger.LogInformation("Scheduled analytics rebuild is off (Platform:Analytics:Schedule:Enabled).");
            return;
        }
        logger.LogInformation("Scheduled analytics rebuild every {Interval} (today and yesterday, UTC).", schedule.Settings.Interval);
        try
        {
            await schedule.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
