using CreatorPlatform.Core.Jobs;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>Runs a job through the one <see cref="JobRunner"/> and follows it with <see cref="JobConsole"/>, the one log follower.</summary>
internal static class CliJob
{
    public static async Task<JobRun> RunAsync(IServiceProvider services, string kind, string title, Func<JobContext, Task> work, CancellationToken ct)
    {
        await LeaseWait.BeforeStartAsync(services, kind, ct);
        var runner = services.GetRequiredService<JobRunner>();
        var run = runner.Start(kind, title, work);
        using var _ = CancelOnCtrlC(runner, run, ct);
        await JobConsole.FollowAsync(run, progress: false);
        CliFailure.ThrowIfUnreachable(run);
        return run;
    }

    /// <summary>Ctrl-C stops the run through the runner, as the page's button does: checked, audited, and named in the log.</summary>
    public static CancellationTokenRegistration CancelOnCtrlC(JobRunner runner, JobRun run, CancellationToken ct, bool pause = false) =>
        ct.Register(() => _ = Task.Run(async () =>
        {
            try { await (pause ? runner.PauseAsync(run, CancellationToken.None) : runner.CancelAsync(run, CancellationToken.None)); }
            catch (Exception e) when (e is CreatorPlatform.Core.Security.AdminAccessDeniedException or CreatorPlatform.Core.Audit.AuditWriteException)
            {
                // On stderr with the logs: stdout is the verb's own output (with --json, its one document).
                Console.Error.WriteLine(TerminalText.Clean($"Ctrl-C did not stop the run: {e.Message}"));
            }
        }));
}
