using CreatorPlatform.Core;
using AdminConsole.Components.Pages.Overview;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Rollout;

namespace AdminConsole.Tests.Rollback;

public sealed class RollbackSectionTests : MudTestContext
{
    [Fact]
    public void Done_steps_are_listed_in_reverse_rollout_order_each_with_its_way_back_and_cost()
    {
        var checks = new[] { ("4", CheckState.Green), ("5", CheckState.Green), ("7", CheckState.Green), ("8.1", CheckState.Red) }
            .Select(c => new CheckResult(c.Item1, $"title {c.Item1}", c.Item2, "", ConsoleScreen.Overview)).ToList();

        var view = Render<RollbackSection>(p => p.Add(c => c.Steps, RollbackPlan.Build(checks, sandbox: true)));

        var rows = view.FindAll("[data-testid='rollback-steps'] tbody tr");
        Assert.Equal(["rollback-7", "rollback-5", "rollback-4"], rows.Select(r => r.GetAttribute("data-testid")));
        Assert.Contains("Undo the migration run (Migration → History → Undo)", rows[0].TextContent);
        Assert.Equal("/migration", rows[0].QuerySelector("a")!.GetAttribute("href"));
        Assert.Contains("Every creator, analytics event and summary", rows[2].TextContent);
        Assert.Empty(view.FindAll("[data-testid='rollback-8.1']"));
        Assert.DoesNotContain("not known", view.Find("[data-testid='rollback-section']").TextContent);
    }

    [Fact]
    public void A_step_that_could_not_be_checked_reads_not_known_and_a_half_done_one_partly_done()
    {
        var checks = new[]
        {
            new CheckResult("5", "Indexes active", CheckState.Amber, "1 of 2 indexes ACTIVE.", ConsoleScreen.Tables),
            new CheckResult("8.1", "Creators group created", CheckState.Amber, "Could not be checked: no answer within 10 s.", ConsoleScreen.Creators) { NotChecked = true },
        };

        var view = Render<RollbackSection>(p => p.Add(c => c.Steps, RollbackPlan.Build(checks, sandbox: true)));

        Assert.Contains("Creators group created (not known)", view.Find("[data-testid='rollback-8.1']").TextContent);
        Assert.DoesNotContain("partly done", view.Find("[data-testid='rollback-8.1']").TextContent);
        Assert.Contains("Indexes active (partly done)", view.Find("[data-testid='rollback-5']").TextContent);
        Assert.Contains("A step that could not be checked is listed as not known", view.Find("[data-testid='rollback-section']").TextContent);
    }

    [Fact]
    public void With_nothing_done_it_says_there_is_nothing_to_roll_back()
    {
        var view = Render<RollbackSection>(p => p.Add(c => c.Steps, []));

        Assert.Contains("nothing to roll back", view.Find("[data-testid='rollback-nothing']").TextContent);
    }
}
