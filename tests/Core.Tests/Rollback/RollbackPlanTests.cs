using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Tests.Rollback;

public sealed class RollbackPlanTests
{
    [Fact]
    public void Done_steps_come_back_in_reverse_rollout_order_and_steps_not_done_have_no_way_back()
    {
        var checks = Checks(("4", CheckState.Green), ("5", CheckState.Green), ("7", CheckState.Green), ("8.1", CheckState.Green),
            ("8.2", CheckState.Red), ("8.3", CheckState.Green), ("8.4", CheckState.Red), ("V", CheckState.Green));

        var plan = RollbackPlan.Build(checks, sandbox: true);

        Assert.Equal(["8.3", "8.1", "7", "5", "4"], plan.Select(s => s.Step));
    }

    [Fact]
    public void The_migrations_way_back_points_at_the_undo_on_its_history()
    {
        var plan = RollbackPlan.Build(Checks(("7", CheckState.Green)), sandbox: true);

        var step = Assert.Single(plan);
        Assert.StartsWith(RollbackPlan.MigrationUndo, step.WayBack);
        Assert.Equal(RollbackTarget.Migration, step.Target);
    }

    [Fact]
    public void A_partly_done_step_is_listed_and_marked_partly_done()
    {
        var plan = RollbackPlan.Build(Checks(("5", CheckState.Amber)), sandbox: true);

        Assert.True(Assert.Single(plan).PartlyDone);
    }

    [Fact]
    public void A_step_that_could_not_be_checked_is_listed_as_not_known_not_as_partly_done()
    {
        var notChecked = new CheckResult("8.1", "Creators group created", CheckState.Amber, "Could not be checked: no answer within 10 s.", ConsoleScreen.Creators)
        {
            NotChecked = true,
        };

        var step = Assert.Single(RollbackPlan.Build([notChecked], sandbox: true));

        Assert.Equal((true, false), (step.NotKnown, step.PartlyDone));
    }

    [Fact]
    public void In_aws_mode_the_schema_steps_point_at_the_guides_rollback_not_at_undo_schema()
    {
        var sandbox = RollbackPlan.Build(Checks(("4", CheckState.Green), ("5", CheckState.Green)), sandbox: true);
        var aws = RollbackPlan.Build(Checks(("4", CheckState.Green), ("5", CheckState.Green)), sandbox: false);

        Assert.All(sandbox, s => Assert.Contains("Undo schema", s.WayBack));
        Assert.All(aws, s => Assert.DoesNotContain("Undo schema", s.WayBack));
        Assert.All(aws, s => Assert.Contains("guide's Rollback", s.WayBack));
    }

    private static IReadOnlyList<CheckResult> Checks(params (string Step, CheckState State)[] steps) =>
        steps.Select(s => new CheckResult(s.Step, $"step {s.Step}", s.State, "", ConsoleScreen.Overview)).ToList();
}
