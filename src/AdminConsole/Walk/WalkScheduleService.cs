using CreatorPlatform.Core.Walk;

namespace AdminConsole.Walk;

/// <summary>The web app's scheduled platform walk (Platform:Walk:Schedule); a CLI verb is one job and exits, so only the web app runs it.</summary>
public sealed class WalkScheduleService(WalkSchedule schedule, ILogger<WalkScheduleService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (schedule.Interval <= TimeSpan.Zero)
        {
            logger.LogInformation("Scheduled platform walk is off (Platform:Walk:Schedule is zero).");
            return;
        }
        logger.LogInformation("Platform walk every {Interval}.", schedule.Interval);
        try
        {
            await schedule.RunAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }
}
