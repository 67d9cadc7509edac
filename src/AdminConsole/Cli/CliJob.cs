using CreatorPlatform.Core.Jobs;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>Runs a job through the one <see cref="JobRunner"/> and prints its log as it grows.</summary>
internal static class CliJob
{
    public static async Task<JobRun> RunAsync(IServiceProvider services, string kind, string title, Func<JobContext, Task> work, CancellationToken ct)
    {
        await LeaseWait.BeforeStartAsync(services, kind, ct);
        var runner = services.GetRequiredService<JobRunner>();
        var run = runner.Start(kind, title, Environment.UserName, work);
        using var _ = CancelOnCtrlC(runner, run, ct);
        var printed = 0;
        while (true)
        {
            var done = run.Completion.IsCompleted;
            var log = run.Log;
            for (; printed < log.Count; printed++) Print(log[printed]);
            if (done) return run;
            await Task.WhenAny(run.Completion, Task.Delay(250, CancellationToken.None));
        }
    }

    /// <summary>Ctrl-C stops the run through the runner, as the page's button does: checked, audited, and named in the log.</summary>
    public static CancellationTokenRegistration CancelOnCtrlC(JobRunner runner, JobRun run, CancellationToken ct, bool pause = false) =>
        ct.Register(() => _ = Task.Run(async () =>
        {
            try { await (pause ? runner.PauseAsync(run, CancellationToken.None) : runner.CancelAsync(run, CancellationToken.None)); }
            catch (Exception e) when (e is CreatorPlatform.Core.Security.AdminAccessDeniedException or CreatorPlatform.Core.Audit.AuditWriteException)
            {
                AnsiConsole.MarkupLineInterpolated($"[red]{e.Message}[/]");
            }
        }));

    private static void Print(JobLogEntry entry)
    {
        var colour = entry.Level switch
        {
            JobLogLevel.Success => "green",
            JobLogLevel.Warning => "yellow",
            JobLogLevel.Error => "red",
            _ => "default",
        };
        AnsiConsole.MarkupLineInterpolated($"[{colour}]{entry.Message}[/]");
    }
}
