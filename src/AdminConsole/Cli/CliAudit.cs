using CreatorPlatform.Core.Audit;

namespace AdminConsole.Cli;

/// <summary>A verb's audit entries that outlive it: those an earlier process kept are written at its start; those it could not write are named at its end.</summary>
internal static class CliAudit
{
    public static async Task FlushKeptAsync(IServiceProvider services, CancellationToken ct)
    {
        var audit = services.GetRequiredService<AuditLog>();
        try
        {
            await audit.FlushSpoolAsync(ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            services.GetRequiredService<ILogger<AuditLog>>().LogWarning("The audit entries kept {Where} could not be written; they stay kept: {Error}",
                audit.KeptWhere, e.Message);
        }
    }

    /// <summary>On stderr, plainly: how many entries this verb could not write, and where they wait (or that they are lost).</summary>
    public static void ReportUnwritten(IServiceProvider services)
    {
        var audit = services.GetRequiredService<AuditLog>();
        if (audit.Pending.Count is var count and > 0)
            Console.Error.WriteLine(audit.KeepsOnDisk
                ? $"{count} audit entries could not be written to the audit log before this command ended. They are kept {audit.KeptWhere} "
                    + "and written by the next start of the console or of any command (the console's table must answer)."
                : $"{count} audit entries could not be written to the audit log and are lost: this sandbox keeps nothing on disk.");
    }
}
