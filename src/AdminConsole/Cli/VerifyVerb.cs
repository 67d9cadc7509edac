using CreatorPlatform.Core.Security;
using AdminConsole.Components;
using System.CommandLine;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>
/// <c>verify [--strict] [--json]</c>: the whole verification report (tables to Lambda, migration, group and linkage).
/// Exit 1 when any line is red; with --strict also when any is amber (could not be checked).
/// </summary>
internal static class VerifyVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var strict = new Option<bool>("--strict") { Description = "Fail also when a check could not be made (amber)." };
        var noWalk = new Option<bool>("--no-walk") { Description =
            "Take the creators' lines (access, group and linkage, analytics freshness) from the newest stored platform walk instead of walking every creator first." };
        var rate = CliWalk.Rate();
        var command = new Command("verify", "Run the deployment guide's Verification section, the migration's and the creators' checks; "
            + "first walks every creator at a set pace (progress on stderr), unless --no-walk.") { json, strict, noWalk, rate };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            if (!parse.GetValue(noWalk)) await CliWalk.RunPlatformWalkAsync(services, CliWalk.Pace(services, parse.GetValue(rate)), ct);
            var reports = services.GetRequiredService<VerificationReportService>();
            var result = await reports.RunAsync(ct);
            // The web page shows the newest report: this one, when the console's table can hold it.
            await reports.TryStoreAsync(result, $"cli-{Guid.NewGuid():N}"[..16], services.GetRequiredService<ICurrentActor>().Actor.Name);
            var exit = result.ExitCode(parse.GetValue(strict));
            if (parse.GetValue(json)) CliJson.Write(new { result.Overall, ExitCode = exit, result.StartedAt, TookSeconds = Math.Round(result.Took.TotalSeconds, 3), result.Lines });
            else Print(result, exit);
            return exit;
        }, ct));
        return command;
    }

    private static void Print(VerificationResult result, int exit)
    {
        foreach (var section in result.Lines.GroupBy(l => l.Section))
        {
            AnsiConsole.WriteLine();
            TerminalText.MarkupLine($"[bold]{section.Key}[/]");
            foreach (var line in section)
            {
                var (mark, colour) =
                    line.State switch { CheckState.Green => ("✓", "green"), CheckState.Red => ("✗", "red"), CheckState.NotCovered => ("·", "grey"), _ => ("?", "yellow") };
                TerminalText.MarkupLine($"[{colour}]{mark} {line.Title}[/]  [grey]{line.Link.Route()}[/]");
                foreach (var evidence in line.Evidence) TerminalText.MarkupLine($"    {evidence}");
                if (line.Table is { } table)
                {
                    var grid = new Table().Border(TableBorder.Simple);
                    foreach (var h in table.Headers) grid.AddColumn(Markup.Escape(h));
                    foreach (var row in table.Rows) grid.AddRow(row.Select(TerminalText.Escape).ToArray());
                    AnsiConsole.Write(grid);
                }
                if (line.Trouble is { } t)
                {
                    TerminalText.MarkupLine($"    [{colour}]{t.Title}:[/] {t.Explanation}");
                    TerminalText.MarkupLine($"    Next: {t.NextAction}");
                    if (t.Command is not null) TerminalText.MarkupLine($"    [aqua]{t.Command}[/]");
                }
            }
        }
        AnsiConsole.WriteLine();
        var counts = result.Lines.GroupBy(l => l.State).ToDictionary(g => g.Key, g => g.Count());
        TerminalText.MarkupLine(
            $"[{(exit == 0 ? "green" : "red")}]{counts.GetValueOrDefault(CheckState.Green)} green, {counts.GetValueOrDefault(CheckState.Amber)} amber, {
                counts.GetValueOrDefault(CheckState.Red)} red[/] in {result.Took.TotalSeconds:N1} s");
    }
}
