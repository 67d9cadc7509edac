using System.CommandLine;
using System.Text.Json;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Schema;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>status [--json]</c>: every table and index, and the drift; exit 1 when anything expected is missing.</summary>
internal static class StatusVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print JSON for machines instead of a table." };
        var command = new Command("status", "Show the platform's tables and indexes and how they differ from the expected schema.") { json };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var status = await services.GetRequiredService<SchemaStatusService>().GetStatusAsync(ct);
            var pitr = await services.GetRequiredService<PitrService>().ReadAllAsync(ct);
            if (parse.GetValue(json)) WriteJson(status, pitr);
            else
            {
                Print(status, services.GetRequiredService<AwsContext>().Describe());
                PrintPitr(pitr);
            }
            return status.HasErrors ? 1 : 0;
        }, ct));
        return command;
    }

    private static void Print(PlatformStatus status, string where)
    {
        TerminalText.MarkupLine($"[bold]Platform status[/] · {where} · read {status.ReadAt:yyyy-MM-dd HH:mm:ss} UTC");
        var table = new Table().AddColumns("Table", "Status", "Items", "TTL", "Indexes");
        foreach (var t in status.Tables)
        {
            var indexes = string.Join("\n",
                t.Indexes.Select(i => $"{TerminalText.OneLine(i.Name)}: {(i.Exists ? i.Status + (i.Backfilling ? " (backfilling)" : "") : "MISSING")}"));
            table.AddRow(Markup.Escape(t.Spec.Name), Colour(t.Exists ? t.Status : "MISSING"), t.ItemCount?.ToString("N0") ?? "",
                TerminalText.Escape(t.TtlState ?? (t.Spec.TtlAttribute is null ? "" : "?")), Markup.Escape(indexes));
        }
        AnsiConsole.Write(table);
        foreach (var f in status.Findings)
        {
            var colour = f.Severity switch { FindingSeverity.Error => "red", FindingSeverity.Warning => "yellow", _ => "grey" };
            TerminalText.MarkupLine($"[{colour}]{f.Severity}: {f.Message}[/] {f.Action}");
        }
        if (!status.Findings.Any()) AnsiConsole.MarkupLine("[green]✓ Every table and index matches the expected schema.[/]");
        TerminalText.MarkupLine($"[grey]{PlatformStatus.CountsNote}[/]");
    }

    /// <summary>The status as before, with each table's point-in-time recovery added beside it.</summary>
    private static void WriteJson(PlatformStatus status, IReadOnlyList<TablePitr> pitr)
    {
        var node = JsonSerializer.SerializeToNode(status, CliJson.Options)!.AsObject();
        node["pointInTimeRecovery"] = JsonSerializer.SerializeToNode(pitr, CliJson.Options);
        CliJson.WriteText(node.ToJsonString(CliJson.Options));
    }

    private static void PrintPitr(IReadOnlyList<TablePitr> pitr)
    {
        if (pitr.All(p => p.State == PitrState.NotAvailable))
        {
            TerminalText.MarkupLine($"[grey]Point-in-time recovery: {PitrService.NotAvailableHere}[/]");
            return;
        }
        var table = new Table().AddColumns("Table", "Point-in-time recovery", "Earliest restorable (UTC)");
        foreach (var p in pitr)
            table.AddRow(Markup.Escape(p.Table), p.State switch { PitrState.Enabled => "[green]ENABLED[/]", PitrState.Disabled => "[red]DISABLED[/]", _ => "[yellow]?[/]" },
                TerminalText.Escape(p.EarliestRestorable?.ToString("yyyy-MM-dd HH:mm") ?? (p.State == PitrState.Unreadable ? p.Detail : "")));
        AnsiConsole.Write(table);
        if (pitr.Any(p => p.State == PitrState.Disabled))
            TerminalText.MarkupLine($"[yellow]Turn it on in the storage stack, on each table's props: {PitrService.CdkLine}[/]");
    }

    private static string Colour(string? status) => status switch
    {
        "ACTIVE" => "[green]ACTIVE[/]",
        "MISSING" or null => "[red]MISSING[/]",
        _ => $"[yellow]{TerminalText.Escape(status)}[/]",
    };
}
