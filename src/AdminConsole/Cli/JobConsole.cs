using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>Follows a job run in the terminal: its log in the guide's words as it grows, and a progress bar when a total is known.</summary>
internal static class JobConsole
{
    private static readonly string[] Paragraphs = ["Step ", "✓ Product backfill complete", "✓ Data integrity check complete", "✓ All products"];

    public static int ExitCode(JobRun run) => run.State switch { JobState.Succeeded => 0, JobState.Cancelled => 130, _ => 1 };

    /// <summary>
    /// Waits for the run, printing as it goes; with <paramref name="progress"/>, the backfill's progress as Core measures it
    /// from the run's own counters (a bar once the job has read the table's size, else a line at the end).
    /// </summary>
    public static async Task FollowAsync(JobRun run, bool progress)
    {
        var printed = 0;
        while (!run.Completion.IsCompleted && (!progress || !MigrationProgress.HasBaseline(run.Counters)))
        {
            printed = PrintLog(run, printed);
            await Task.WhenAny(run.Completion, Task.Delay(200));
        }
        if (!progress || !run.Counters.ContainsKey(BackfillCounters.TableItems) || !AnsiConsole.Profile.Capabilities.Interactive)
        {
            while (!run.Completion.IsCompleted)
            {
                printed = PrintLog(run, printed);
                await Task.WhenAny(run.Completion, Task.Delay(200));
            }
            PrintLog(run, printed);
            if (progress && MigrationProgress.HasBaseline(run.Counters)) TerminalText.MarkupLine($"[grey]{Progress(run).Describe()}[/]");
            return;
        }
        await AnsiConsole.Progress().AutoClear(false)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .StartAsync(async ctx =>
            {
                var first = Progress(run);
                var bar = ctx.AddTask(Markup.Escape(first.Describe()), maxValue: Math.Max(1, first.EstimatedTotal ?? 1));
                while (true)
                {
                    var ended = run.Completion.IsCompleted;
                    printed = PrintLog(run, printed);
                    var now = Progress(run);
                    bar.MaxValue = Math.Max(bar.MaxValue, now.Done);
                    bar.Value = now.Done;
                    bar.Description = Markup.Escape(now.Describe());
                    if (ended) break;
                    await Task.WhenAny(run.Completion, Task.Delay(250));
                }
                if (run.State == JobState.Succeeded) bar.Value = bar.MaxValue;
                bar.StopTask();
            });
    }

    private static MigrationProgress Progress(JobRun run) => MigrationProgress.From(run, DateTimeOffset.UtcNow);

    private static int PrintLog(JobRun run, int printed)
    {
        var log = run.Log;
        for (; printed < log.Count; printed++)
        {
            var entry = log[printed];
            var previous = printed > 0 ? log[printed - 1].Message : null;
            var rule = entry.Message.Length > 0 && entry.Message.All(ch => ch == '=');
            if (previous is not null && (Paragraphs.Any(p => entry.Message.StartsWith(p, StringComparison.Ordinal))
                    || rule && !previous.All(ch => ch == '=') && !previous.Contains("Migration", StringComparison.Ordinal)))
                AnsiConsole.WriteLine();
            var colour = entry.Level switch { JobLogLevel.Success => "green", JobLogLevel.Warning => "yellow", JobLogLevel.Error => "red", _ => "default" };
            TerminalText.MarkupLine($"[{colour}]{entry.Message}[/]");
        }
        return printed;
    }

    /// <summary>The run for --json: state, counters (per segment too) and the log's messages.</summary>
    public static object Summary(JobRun run, object? result = null) => new
    {
        run.Id, run.Kind, run.State, run.Error, run.StartedBy, run.StartedAt, run.EndedAt, ElapsedSeconds = Math.Round(run.Elapsed.TotalSeconds, 3),
        run.Counters, Result = result, Log = run.Log.Select(l => $"{l.Level}: {l.Message}"),
    };
}
