using CreatorPlatform.Core;
using AdminConsole.Components.Pages.Overview;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Rollout;

namespace AdminConsole.Tests.Overview;

public sealed class RolloutChecklistViewTests : MudTestContext
{
    [Theory]
    [InlineData(CheckState.Green, "mud-success-text")]
    [InlineData(CheckState.Amber, "mud-warning-text")]
    [InlineData(CheckState.Red, "mud-error-text")]
    [InlineData(CheckState.NotCovered, "mud-text-secondary")]
    public void Each_state_renders_with_its_colour_detail_and_link(CheckState state, string colourClass)
    {
        var result = new CheckResult("5", "Indexes active", state, $"detail for {state}", ConsoleScreen.Tables);

        var view = Render<RolloutChecklistView>(p => p.Add(c => c.Results, [result]));

        var item = view.Find("[data-testid='check-5']");
        Assert.Equal(state.ToString(), item.GetAttribute("data-state"));
        Assert.Contains($"detail for {state}", item.TextContent);
        Assert.Contains("Step 5", item.TextContent);
        Assert.NotNull(item.QuerySelector($".{colourClass}"));
        Assert.Contains("/tables", view.Markup);
    }

    [Fact]
    public void The_checklist_keeps_the_guides_order_with_creator_access_after_the_linkage()
    {
        var results = RolloutChecklist.GuideSteps.Select(s => new CheckResult(s.Step, s.Title, CheckState.NotCovered, "", s.Link)).ToList();

        var view = Render<RolloutChecklistView>(p => p.Add(c => c.Results, results));

        Assert.Equal(["4", "5", "7", "8.1", "8.2", "8.3", "8.4", "V", "A"],
            view.FindAll("[data-testid^='check-']").Select(e => e.GetAttribute("data-testid")![6..]));
    }
}
