using CreatorPlatform.Core.Analytics;
using Spectre.Console;

namespace AdminConsole.Cli;

internal static class ReconcilePrinter
{
    public static void Print(ReconcileReport report)
    {
        if (report.Creators.Count == 0) AnsiConsole.MarkupLine("[yellow]No creators in CreatorsTable: nothing to reconcile.[/]");
        TerminalText.MarkupLine($"[bold]Reconcile[/] {report.Range} (UTC) · {report.Creators.Count} creator(s) · {report.Events:N0} events read");
        if (report.HasDifferences)
        {
            // One line per day rather than a table: it stays readable when piped, and greppable.
            foreach (var d in report.Differences)
                TerminalText.MarkupLine($"[yellow]{d.Creator.Slug} {DailySummaryMapper.FormatDate(d.Date)} {d.Kind}:[/] {d.Explain()}");
            TerminalText.MarkupLine(
                $"[red]{report.Differences.Count} day(s) differ.[/] Differences are stored minus events. `analytics rebuild` rewrites them from the events.");
        }
        else AnsiConsole.MarkupLine("[green]✓ Every day's summary matches its events.[/]");
        if (report.Expired.Count > 0)
            TerminalText.MarkupLine($"[grey]{report.Expired.Count} day(s) with a summary are past the events' 90-day TTL: kept, not checked.[/]");
    }
}
