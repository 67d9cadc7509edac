using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Migration;

namespace AdminConsole.Tests.Migration;

public sealed class MigrationHistoryUndoTests : MudTestContext
{
    private static MigrationRunRecord Run(string id, string kind = "migrate", string outcome = "succeeded", bool journal = true) =>
        new(id, kind, "ada", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, outcome,
            journal ? new Dictionary<string, string> { [MigrationJob.JournalSetting] = "35 days" } : new Dictionary<string, string>(),
            new Dictionary<string, long>(), null, null);

    private static readonly IReadOnlyList<MigrationRunRecord> Runs =
    [
        Run("journaled"), Run("paused", outcome: "cancelled"), Run("undone", outcome: RunOutcomes.Undone), Run("older", journal: false),
        Run("check", kind: "verify"), Run("running", outcome: "running"),
    ];

    [Fact]
    public void An_admin_gets_undo_on_each_journaled_migration_run_and_a_click_names_the_run()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetPolicies(Policies.Admin);
        var asked = new List<string>();

        var view = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, Runs).Add(c => c.OnUndo, (MigrationRunRecord r) => asked.Add(r.RunId)));
        view.Find("[data-testid='undo-paused']").Click();

        Assert.Equal(["paused"], asked);
        Assert.Equal(["undo-journaled", "undo-paused"], view.FindAll("[data-testid^='undo-']").Select(b => b.GetAttribute("data-testid")));
        Assert.Contains("cannot be undone exactly", view.Find("[data-testid='no-journal-older']").TextContent);
    }

    [Fact]
    public void While_a_job_runs_the_undo_buttons_are_disabled()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("admin");
        auth.SetPolicies(Policies.Admin);

        var view = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, Runs).Add(c => c.Busy, true));

        Assert.All(view.FindAll("[data-testid^='undo-']"), b => Assert.True(b.HasAttribute("disabled")));
    }

    [Fact]
    public void A_viewer_sees_the_history_but_no_undo()
    {
        var auth = AddAuthorization();
        auth.SetAuthorized("viewer");
        auth.SetPolicies(Policies.Viewer);

        var view = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, Runs));

        Assert.Empty(view.FindAll("[data-testid^='undo-']"));
        Assert.Contains("journaled", view.Markup);
    }
}
