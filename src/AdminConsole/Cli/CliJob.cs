using CreatorPlatform.Core.Jobs;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>Runs a job through the one <see cref="JobRunner"/> and prints its log as it grows.</summary>
internal static class CliJob
{
    public static async Task<JobRun> RunAsync(IServiceProvider services, string kind, string title, Func<JobContext, Task> work, CancellationToken ct)
    {
        await LeaseWait.BeforeStartAsync(services, kind, ct);
        var run = services.GetRequiredService<JobRunner>().Start(kind, title, Environment.UserName, work);
        using var _ = ct.Register(run.Cancel);
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
