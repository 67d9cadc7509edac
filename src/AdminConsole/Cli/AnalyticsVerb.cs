using System.CommandLine;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox.Traffic;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>analytics reconcile|rebuild|generate</c>: summaries against their events, from the command line.</summary>
internal static class AnalyticsVerb
{
    public static Command Create()
    {
        var command = new Command("analytics", "Reconcile or rebuild the analytics summaries from the raw events; generate sandbox traffic.")
        {
            Reconcile(), Rebuild(), RestoreVerb.Create(), Generate(),
        };
        return command;
    }

    private static Command Reconcile()
    {
        var (creator, from, to) = ScopeOptions();
        var json = new Option<bool>("--json") { Description = "Print JSON for machines." };
        var command = new Command("reconcile", "Recompute each day from its events and list the days whose summary differs; exit 1 when any does.") { creator, from, to, json };
        command.SetAction(async (parse, ct) =>
        {
            if (Scope(parse, creator, from, to) is not { } scope) return 2;
            return await CliApp.WithPlatformAsync(async services =>
        {
            var reconciler = services.GetRequiredService<AnalyticsReconciler>();
            ReconcileReport? report = null;
            var quiet = parse.GetValue(json);
            var title = AnalyticsReconciler.Title(scope);
            var run = quiet
                ? await QuietAsync(services, title, async job => report = await reconciler.RunAsync(job, scope), ct)
                : await CliJob.RunAsync(services, AnalyticsReconciler.JobKind, title, async job => report = await reconciler.RunAsync(job, scope), ct);
            if (run.State != JobState.Succeeded || report is null)
            {
                if (quiet) CliJson.Write(JobConsole.Summary(run));
                return JobConsole.ExitCode(run);
            }
            if (quiet)
                CliJson.Write(report.Differences.Select(d => new
                {
                    creator = d.Creator.Slug, date = DailySummaryMapper.FormatDate(d.Date), kind = d.Kind, stored = d.Stored?.Totals,
                    events = d.Recomputed?.Totals, difference = d.Difference, explanation = d.Explain(),
                }));
            else ReconcilePrinter.Print(report);
            return report.HasDifferences ? 1 : 0;
        }, ct);
        });
        return command;
    }

    private static async Task<JobRun> QuietAsync(IServiceProvider services, string title, Func<JobContext, Task> work, CancellationToken ct)
    {
        var runner = services.GetRequiredService<JobRunner>();
        var run = runner.Start(AnalyticsReconciler.JobKind, title, work);
        await using (CliJob.CancelOnCtrlC(runner, run, ct)) await run.Completion;
        return run;
    }

    private static Command Rebuild()
    {
        var (creator, from, to) = ScopeOptions();
        var sinceLast =
            new Option<bool>("--since-last") { Description = "From the day the last completed scheduled or manual rebuild ended, up to today (for cron or EventBridge)." };
        var command = new Command("rebuild", "Rewrite the summaries of a range from the events (idempotent; expired days are kept).") { creator, from, to, sinceLast };
        command.SetAction(async (parse, ct) =>
        {
            var since = parse.GetValue(sinceLast);
            if (since && (parse.GetValue(from) is not null || parse.GetValue(to) is not null))
            {
                return CliFailure.Refuse("--since-last chooses the range itself.", "Leave out --from and --to.");
            }
            if (Scope(parse, creator, from, to) is not { } scope) return 2;
            return await CliApp.WithPlatformAsync(async services =>
        {
            if (since)
            {
                if (await SinceLast.ScopeAsync(services, scope, ct) is not { } resolved) return 2;
                scope = resolved;
            }
            var rebuilder = services.GetRequiredService<AnalyticsRebuilder>();
            var trigger = since ? RebuildTrigger.SinceLast : RebuildTrigger.Manual;
            var run = await CliJob.RunAsync(services, AnalyticsRebuilder.JobKind, AnalyticsRebuilder.Title(scope),
                job => rebuilder.RebuildAsync(job, scope, job.Actor.Name, trigger), ct);
            return run.State == JobState.Succeeded ? 0 : 1;
        }, ct);
        });
        return command;
    }

    private static Command Generate()
    {
        // The generator keeps its counts in memory: a bound that the sandbox and the benchmarks stay well within.
        var events = CliArgs.Number("--events", "About how many events to write", 1L, 2_000_000L, 30_000L);
        var days = CliArgs.Number("--days", "Over how many days, ending today (UTC)", 1, 400, AnalyticsScope.DefaultDays);
        var noDrift = new Option<bool>("--no-drift") { Description = "Write exact summaries, without the deliberate drift." };
        var command = new Command("generate", "Sandbox only: write realistic events and their summaries for every creator (load tests).") { events, days, noDrift };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var generator = services.GetRequiredService<SandboxTrafficGenerator>();
            var request = new TrafficRequest(parse.GetValue(events), parse.GetValue(days), PlantDrift: !parse.GetValue(noDrift));
            var run = await CliJob.RunAsync(services, SandboxTrafficGenerator.JobKind, "Generate sandbox traffic", job => generator.GenerateAsync(job, request), ct);
            TerminalText.MarkupLine($"[grey]{run.Counter("events"):N0} events in {run.Elapsed.TotalSeconds:0.0} s[/]");
            return run.State == JobState.Succeeded ? 0 : 1;
        }, ct));
        return command;
    }

    private static (Option<string?> Creator, Option<string?> From, Option<string?> To) ScopeOptions() => (
        CliArgs.Text("--creator", "One creator's slug (default: every creator).", 200, c => !char.IsWhiteSpace(c), "no spaces"),
        CliArgs.Text("--from", "First day, yyyy-MM-dd UTC (default: 89 days before --to).", 10, c => char.IsAsciiDigit(c) || c == '-', "yyyy-MM-dd"),
        CliArgs.Text("--to", "Last day, yyyy-MM-dd UTC (default: today).", 10, c => char.IsAsciiDigit(c) || c == '-', "yyyy-MM-dd"));

    /// <summary>The scope, or null (and the reason printed) for a bad or too long range: checked before the platform starts, so nothing is queried.</summary>
    private static AnalyticsScope? Scope(ParseResult parse, Option<string?> creator, Option<string?> from, Option<string?> to)
    {
        var today = DateRange.Today(TimeProvider.System);
        var toText = parse.GetValue(to);
        var fromText = parse.GetValue(from);
        DateOnly last = today, first = default;
        if (toText is not null && !DateRange.TryParseDay(toText, out last) || fromText is not null && !DateRange.TryParseDay(fromText, out first))
        {
            CliFailure.Refuse("Dates are yyyy-MM-dd (UTC).", "For example --from 2026-09-01 --to 2026-09-30.");
            return null;
        }
        if (fromText is null) first = last.AddDays(1 - AnalyticsScope.DefaultDays);
        if (first > last)
        {
            CliFailure.Refuse("--from is after --to.", "Swap them.");
            return null;
        }
        var range = new DateRange(first, last);
        if (range.Refusal(MaxRangeDays()) is { } reason)
        {
            CliFailure.Refuse(reason, "Choose a shorter range.");
            return null;
        }
        return new AnalyticsScope(parse.GetValue(creator), range);
    }

    /// <summary>Platform:Analytics:MaxRangeDays from the same settings the verb runs with, read without starting anything.</summary>
    private static int MaxRangeDays()
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        return builder.Configuration.GetSection(CreatorPlatform.Core.PlatformOptions.Section).Get<CreatorPlatform.Core.PlatformOptions>()?.Analytics.MaxRangeDays
            ?? new CreatorPlatform.Core.AnalyticsOptions().MaxRangeDays;
    }
}
