using AdminConsole.Cli;
using AdminConsole.Tests.Security;
using CreatorPlatform.Core.Analytics;
using System.Text.RegularExpressions;
using Spectre.Console;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Cli;

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TerminalCollection
{
    /// <summary>The verbs print through Spectre's one static console: tests that swap it run alone.</summary>
    public const string Name = "Terminal";
}

[Collection(TerminalCollection.Name)]
public sealed class TerminalTextTests
{
    private static readonly CreatorRef Escaping = new("id-esc", HostileText.TerminalEscape, "Name\u001b[31m");
    private static readonly CreatorRef Reversed = new("id-rtl", HostileText.BidiOverride, "Rtl");

    [Fact]
    public void Reconcile_prints_slugs_with_terminal_escapes_and_direction_overrides_visibly_and_never_raw()
    {
        var day = Today.AddDays(-2);
        var report = new ReconcileReport(Week,
        [
            new CreatorComparison(Escaping, 1, 5,
                [new DayDrift(Escaping, day, DriftKind.MissingSummary, null, new DailySummary(Escaping.Id, day, 5, 0, 0, []), CollisionSigns.None)]),
            new CreatorComparison(Reversed, 1, 5,
                [new DayDrift(Reversed, day, DriftKind.MissingSummary, null, new DailySummary(Reversed.Id, day, 5, 0, 0, []), CollisionSigns.None)]),
        ]);

        var output = Printed(() => ReconcilePrinter.Print(report));

        AssertNothingRaw(output);
        Assert.Contains("t␛]0;pwned␇␛[2J", output);
        Assert.Contains("abc⟨U+202E⟩gnp.exe", output);
    }

    [Fact]
    public void Markup_lines_plain_lines_and_tables_built_from_data_reach_the_terminal_only_as_visible_text()
    {
        var output = Printed(() =>
        {
            AnsiConsole.MarkupLineInterpolated($"[bold]{Escaping.Slug}[/] user {Escaping.DisplayName}");
            AnsiConsole.WriteLine($"  platform: creator id {HostileText.TerminalEscape}\u009b1m");
            AnsiConsole.Write(new Table().AddColumn("Product").AddRow(Markup.Escape(HostileText.BidiOverride)).AddRow(Markup.Escape("\u001bP+q\u001b\\")));
        });

        AssertNothingRaw(output);
        Assert.Contains("Name␛[31m", output);
        Assert.Contains("⟨U+009B⟩1m", output);
        Assert.Contains("␛P+q␛\\", output);
    }

    [Fact]
    public void A_line_break_in_a_data_value_shows_visibly_while_the_layouts_own_line_breaks_stay()
    {
        var output = Printed(() =>
        {
            TerminalText.MarkupLine($"[bold]{HostileText.LineBreak}[/] ({"active"}) on {new DateTime(2026, 11, 2):yyyy-MM-dd}\n    fix: {HostileText.OtherLineBreaks}");
            TerminalText.WriteLine($"  creator: {HostileText.LineBreak} [not markup]");
            AnsiConsole.Write(new Table().AddColumn("Product").AddRow(TerminalText.Escape(HostileText.LineBreak)));
        });

        var lines = Regex.Replace(output, @"\u001b\[[0-9;]*m", "").Split('\n');
        AssertNothingRaw(output);
        Assert.DoesNotContain(lines, l => l.TrimStart(' ', '│').StartsWith(HostileText.FakeLine, StringComparison.Ordinal));
        Assert.Contains("nl␊" + HostileText.FakeLine + " (active) on 2026-11-02", lines);
        Assert.Contains("    fix: cr␍" + HostileText.FakeLine + "⟨U+2028⟩" + HostileText.FakeLine + "⟨U+0085⟩" + HostileText.FakeLine, lines);
        Assert.Contains("  creator: nl␊" + HostileText.FakeLine + " [not markup]", lines);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void A_log_line_of_the_command_line_keeps_a_slugs_line_breaks_in_its_line_and_verbose_indents_the_stack_trace(bool verbose)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var entry = new Microsoft.Extensions.Logging.Abstractions.LogEntry<string>(Microsoft.Extensions.Logging.LogLevel.Warning, "Walk", new(7),
            $"creator {HostileText.LineBreak} has no user", new InvalidOperationException($"slug {HostileText.LineBreak}"), (s, _) => s);
        CliLogFormatter.Verbose = verbose;
        try { new CliLogFormatter().Write(entry, null, writer); }
        finally { CliLogFormatter.Verbose = false; }

        var lines = writer.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("warn: creator nl " + HostileText.FakeLine + " has no user", lines[0]);
        // A stack trace is many lines: each of them, a line break of the data's included, is indented under the entry.
        Assert.Equal(verbose ? 3 : 1, lines.Length);
        Assert.All(lines.Skip(1), l => Assert.StartsWith("      ", l));
    }

    /// <summary>Spectre's own colour codes (ESC [ n m) may be there; nothing else that a terminal acts on.</summary>
    private static void AssertNothingRaw(string output)
    {
        var withoutColours = Regex.Replace(output, @"\u001b\[[0-9;]*m", "");
        Assert.DoesNotContain('\u001b', withoutColours);
        Assert.DoesNotContain('\u0007', output);
        Assert.DoesNotContain('\u009b', output);
        Assert.DoesNotContain('\u202e', output);
    }

    private static string Printed(Action print)
    {
        var writer = new StringWriter();
        var console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Ansi = AnsiSupport.Yes, ColorSystem = ColorSystemSupport.Standard, Interactive = InteractionSupport.No, Out = new AnsiConsoleOutput(writer),
        });
        console.Profile.Width = 1000;
        TerminalText.Protect(console);
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = console;
        try { print(); }
        finally { AnsiConsole.Console = previous; }
        return writer.ToString();
    }
}
