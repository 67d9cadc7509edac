using System.CommandLine;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>access check|ensure</c>: whether each creator can work, as the platform's code decides it, and the fix.</summary>
internal static class AccessVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for machines.", Recursive = true };
        return new Command("access", "Creator access as the platform decides it: groups, custom:creatorId, the sub lookup.") { json, Check(json), Ensure(json) };
    }

    private static Command Check(Option<bool> json)
    {
        var rate = CliWalk.Rate();
        var command = new Command("check", "For each creator, the ID token its user gets and the platform's verdict; exit 1 when an active creator cannot work. "
            + "Walks every creator at a set pace, with its progress on stderr.") { rate };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(services => Guard(async () =>
        {
            var report = await services.GetRequiredService<AccessCheckService>().CheckAsync(ct, CliWalk.Stderr, CliWalk.Pace(services, parse.GetValue(rate)));
            Print(report, parse.GetValue(json));
            return report.AllActiveCanWork ? 0 : 1;
        }), ct));
        return command;
    }

    private static Command Ensure(Option<bool> json)
    {
        var yes = new Option<bool>("--yes") { Description = "Confirm adding custom:creatorId to the user pool, which can never be undone (needed in Mode=Aws)." };
        var rate = CliWalk.Rate();
        var command =
            new Command("ensure", "Create the role groups, add custom:creatorId to the pool, put every creator's user in the groups and set its creator id.") { yes, rate };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(services => Guard(async () =>
        {
            var ensure = services.GetRequiredService<AccessEnsureService>();
            var run = await CliJob.RunAsync(services, AccessEnsureService.JobKind, AccessEnsureService.Title,
                job => ensure.RunAsync(job, parse.GetValue(yes)), ct);
            if (run.State != JobState.Succeeded) return CliFailure.Failed([run.Error ?? $"The job ended {run.State}."]);
            var report = await services.GetRequiredService<AccessCheckService>().CheckAsync(ct, CliWalk.Stderr, CliWalk.Pace(services, parse.GetValue(rate)));
            Print(report, parse.GetValue(json));
            return report.AllActiveCanWork ? 0 : 1;
        }), ct));
        return command;
    }

    /// <summary>Before the migration there is no CreatorsTable: say so instead of a stack trace.</summary>
    private static async Task<int> Guard(Func<Task<int>> verb)
    {
        try
        {
            return await verb();
        }
        catch (TableMissingException e)
        {
            return CliFailure.Failed([$"{e.Missing.Table} is missing. Apply the schema and run the migration first: it creates the default creator."]);
        }
        catch (Exception e) when (CreatorsCli.IsExpected(e))
        {
            return CliFailure.Failed([e.Message]);
        }
    }

    private static void Print(AccessReport report, bool json)
    {
        if (json)
        {
            CliJson.Write(report);
            return;
        }
        var pool = report.Pool;
        var groups = pool.MissingGroups.Count > 0 ? $"missing groups: {string.Join(", ", pool.MissingGroups)}" : "every group the platform reads exists";
        AnsiConsole.MarkupLine($"User pool {TerminalText.Escape(pool.PoolId)}: creator id attribute "
            + $"{(pool.HasCreatorIdAttribute ? "[green]present[/]" : "[red]missing[/]")}, {TerminalText.Escape(groups)}");
        foreach (var c in report.Creators)
        {
            var source = c.Token?.Source == ClaimsSource.SignIn ? "decoded from a real sign-in" : "worked out from AdminGetUser and AdminListGroupsForUser";
            TerminalText.MarkupLine($"[bold]{c.Creator.Slug}[/] ({c.Creator.Status}) user {c.Username ?? "(none)"}");
            if (c.Token is { } t)
            {
                TerminalText.MarkupLine($"  ID token ({source}): sub {t.Sub}, cognito:username {t.Username}, email {t.Email}");
                TerminalText.MarkupLine($"    cognito:groups \"{t.GroupsClaim}\", {report.Pool.CreatorIdClaim} {t.CreatorId ?? "(absent)"}");
            }
            if (c.Decision is { } d)
            {
                var lookup = d.FoundBySub.Contains(c.Creator.Id) ? "finds this creator" : $"finds {d.FoundBySub.Count} other(s)";
                var screens = d.SeesCreatorScreens ? "shown" : "hidden";
                TerminalText.WriteLine(
                    $"  platform: role {d.Role.ToString().ToLowerInvariant()}, creator id {d.CreatorId ?? "none"}, userId-index by sub {lookup}, creator screens {screens}");
            }
            if (c.CanWork) AnsiConsole.MarkupLine("  [green]✓ can work[/]");
            else TerminalText.MarkupLine($"  [red]✗ cannot work: {c.Reason}[/]\n    fix: {c.Fix}");
        }
        AnsiConsole.MarkupLine(report.AllActiveCanWork
            ? $"[green]All {report.Active} active creators can work.[/]"
            : $"[red]{report.Blocked.Count} of {report.Active} active creators cannot work.[/]");
    }
}
