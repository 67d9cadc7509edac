using AdminConsole.Components.Pages.Verification;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Troubleshooting;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Verification;

public sealed class VerificationLineViewTests : MudTestContext
{
    public VerificationLineViewTests() => AsAdmin();

    private static readonly Troubleshooter Troubleshooter = new(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Profile = "dev" }));

    [Fact]
    public void A_red_line_shows_its_evidence_its_trouble_and_a_link_to_the_screen_that_fixes_it()
    {
        var line = new VerificationLine("Tables", "CreatorsTable", CheckState.Red, ["Table CreatorsTable does not exist."], ConsoleScreen.Tables)
            { Trouble = Troubleshooter.TableMissing("CreatorsTable") };

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        Assert.Equal("Red", view.Find("[data-testid='verification-line']").GetAttribute("data-state"));
        Assert.Equal("/tables", view.Find("[data-testid='line-link']").GetAttribute("href"));
        Assert.Contains("Fix it: Tables & indexes", view.Find("[data-testid='line-link']").TextContent);
        Assert.Contains("npx cdk deploy PinterestAffiliateStorageStack --profile dev", view.Find("[data-testid='trouble-next']").TextContent);
    }

    [Fact]
    public void A_green_line_has_no_fix_link_and_shows_the_sample_as_the_guides_table()
    {
        var line = new VerificationLine("Products sample", "2 products from ProductsTable", CheckState.Green, ["Every sampled product has creatorId, featured and status."],
            ConsoleScreen.Migration)
        {
            Table = new(["id", "creatorId", "featured", "status"], [["p1", "c1", "False", "approved"], ["p2", "c1", "True", "pending"]]),
        };

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        Assert.Empty(view.FindAll("[data-testid='line-link']"));
        var rows = view.FindAll("[data-testid='line-table'] tbody tr");
        Assert.Equal(["p1", "c1", "False", "approved"], rows[0].QuerySelectorAll("td").Select(td => td.TextContent));
        Assert.Equal(2, rows.Count);
    }

    [Fact]
    public void An_amber_line_says_why_it_could_not_be_checked()
    {
        var line = new VerificationLine("Lambda environment", "Lambda functions", CheckState.Amber,
            ["No Lambda runs in the sandbox: the functions' environment can only be checked against AWS."], ConsoleScreen.Verification);

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        Assert.Equal("Amber", view.Find("[data-testid='verification-line']").GetAttribute("data-state"));
        Assert.Contains("No Lambda runs in the sandbox", view.Find("[data-testid='line-evidence']").TextContent);
        Assert.Empty(view.FindAll("[data-testid='line-link']"));
    }

    [Fact]
    public void A_line_the_console_cannot_check_here_offers_no_fix()
    {
        var line = new VerificationLine("Point-in-time recovery", "Point-in-time recovery", CheckState.NotCovered,
            ["Not available here: DynamoDB Local has no point-in-time recovery."], ConsoleScreen.Tables);

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        Assert.Equal("NotCovered", view.Find("[data-testid='verification-line']").GetAttribute("data-state"));
        Assert.Empty(view.FindAll("[data-testid='line-link']"));
    }

    [Fact]
    public void The_header_counts_every_line_shown_once_a_line_not_checked_here_included()
    {
        var lines = new[] { CheckState.Green, CheckState.Green, CheckState.Amber, CheckState.Red, CheckState.NotCovered }
            .Select((state, i) => new VerificationLine("Tables", $"line {i}", state, [], ConsoleScreen.Tables)).ToList();
        var result = new VerificationResult(lines, DateTimeOffset.UnixEpoch, TimeSpan.FromSeconds(1));

        var summary = VerificationPage.Summary(result);

        Assert.Equal("2 green · 1 amber · 1 red · 1 not checked here", summary);
        var counted = System.Text.RegularExpressions.Regex.Matches(summary, @"\d+").Sum(m => int.Parse(m.Value, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(lines.Count, counted);
    }

    [Fact]
    public void A_line_not_checked_here_is_drawn_grey_not_amber()
    {
        var line = new VerificationLine("Tables", "Point-in-time recovery", CheckState.NotCovered, ["DynamoDB Local has no point-in-time recovery."], ConsoleScreen.Tables);

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        Assert.Empty(view.FindAll(".mud-warning-text"));
        Assert.Empty(view.FindAll("[data-testid='line-link']"));
        Assert.Equal("NotCovered", view.Find("[data-testid='verification-line']").GetAttribute("data-state"));
    }
}
