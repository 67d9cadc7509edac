using AdminConsole.Cli;
using AdminConsole.Tests.Security;
using CreatorPlatform.Core.Analytics;
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

    /// <summary>Spectre's own colour codes (ESC [ n m) may be there; nothing else that a terminal acts on.</summary>
    private static void AssertNothingRaw(string output)
    {
        var withoutColours = System.Text.RegularExpressions.Regex.Replace(output, @"\u001b\[[0-9;]*m", "");
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
        TerminalText.Protect(console);
        var previous = AnsiConsole.Console;
        AnsiConsole.Console = console;
        try { print(); }
        finally { AnsiConsole.Console = previous; }
        return writer.ToString();
    }
}
