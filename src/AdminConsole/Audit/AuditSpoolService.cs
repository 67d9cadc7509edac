using CreatorPlatform.Core.Audit;

namespace AdminConsole.Audit;

/// <summary>At the web app's start (after the sandbox's), writes the audit entries an earlier process kept on disk and could not write.</summary>
public sealed class AuditSpoolService(AuditLog audit, ILogger<AuditSpoolService> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            await audit.FlushSpoolAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (Exception e)
        {
            logger.LogWarning("The audit entries kept {Where} could not be written at start; they stay kept: {Error}", audit.KeptWhere, e.Message);
        }
    }
}
