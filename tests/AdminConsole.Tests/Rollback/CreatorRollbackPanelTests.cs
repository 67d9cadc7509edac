using AdminConsole.Components.Pages.Creators;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Rollback;

namespace AdminConsole.Tests.Rollback;

public sealed class CreatorRollbackPanelTests : MudTestContext
{
    private static readonly IReadOnlyList<CreatorUndoOption> Linked =
    [
        new(CreatorUndo.Ungroup, "Remove from groups", "in neither creator nor Creators", null),
        new(CreatorUndo.Unlink, "Unlink", "not linked", null),
        new(CreatorUndo.Disable, "Disable", "status disabled", "Already disabled."),
    ];

    [Fact]
    public void An_admin_sees_each_action_with_the_state_it_returns_to_and_a_click_asks_for_that_action()
    {
        AsAdmin();
        var asked = new List<CreatorUndo>();

        var view = Render<CreatorRollbackPanel>(p => p.Add(c => c.Options, Linked).Add(c => c.OnUndo, kind => asked.Add(kind)));
        view.Find("[data-testid='undo-unlink']").Click();
        view.Find("[data-testid='undo-ungroup']").Click();

        Assert.Equal([CreatorUndo.Unlink, CreatorUndo.Ungroup], asked);
        Assert.Contains("Returns to: not linked", view.Find("[data-testid='undo-unlink-row']").TextContent);
        Assert.True(view.Find("[data-testid='undo-disable']").HasAttribute("disabled"));
        Assert.Contains("Already disabled.", view.Find("[data-testid='undo-disable-row']").TextContent);
    }

    [Fact]
    public void The_result_says_what_changed_and_the_state_now()
    {
        AsAdmin();

        var view = Render<CreatorRollbackPanel>(p => p.Add(c => c.Options, Linked)
            .Add(c => c.Last, new CreatorUndoResult(CreatorUndo.Ungroup, ["removed jess from creator", "removed jess from Creators"], "in neither creator nor Creators")));

        Assert.Contains("removed jess from creator; removed jess from Creators. Now in neither creator nor Creators", view.Find("[data-testid='undo-result']").TextContent);
    }

    [Fact]
    public void A_viewer_sees_no_way_back()
    {
        AsViewer();

        var view = Render<CreatorRollbackPanel>(p => p.Add(c => c.Options, Linked));

        Assert.Empty(view.FindAll("[data-testid='creator-rollback']"));
    }
}
