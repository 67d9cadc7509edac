using AdminConsole.Components.Pages.Audit;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Audit;

namespace AdminConsole.Tests.Audit;

public sealed class AuditTableTests : MudTestContext
{
    public AuditTableTests() => AsAdmin();

    private static AuditEntry Entry(string action, string outcome, string? before = null, string? after = null) =>
        new(Guid.NewGuid().ToString("N")[..16], new DateTimeOffset(2026, 12, 1, 9, 30, 0, TimeSpan.Zero), "alice", "sub-alice", action,
            "creator:jesskoufo", before, after, outcome, null, null);

    [Fact]
    public void Each_entry_shows_who_what_the_change_and_its_outcome()
    {
        var entries = new[]
        {
            Entry(AuditActions.CreatorLinked, AuditOutcome.Succeeded, before: "(none)", after: "sub-123"),
            Entry(AuditActions.MemberAdded, AuditOutcome.Failed),
        };

        var table = Render<AuditTable>(p => p.Add(t => t.Entries, entries));

        var rows = table.FindAll("[data-testid='audit-entry']");
        Assert.Equal(2, rows.Count);
        Assert.Equal(AuditActions.CreatorLinked, rows[0].GetAttribute("data-action"));
        Assert.Equal("(none) → sub-123", rows[0].QuerySelector("[data-testid='audit-change']")!.TextContent.Trim());
        Assert.Equal("", rows[1].QuerySelector("[data-testid='audit-change']")!.TextContent.Trim());
        Assert.Equal(["succeeded", "failed"], table.FindAll("[data-testid='audit-outcome']").Select(c => c.TextContent.Trim()));
        Assert.Contains("mud-chip-color-error", table.FindAll("[data-testid='audit-outcome']")[1].ClassName);
        Assert.Empty(table.FindAll("[data-testid='audit-empty']"));
    }

    [Fact]
    public void A_jobs_figures_read_as_names_and_numbers_and_not_as_json()
    {
        var entries = new[]
        {
            Entry(AuditActions.JobEnded("platform-walk", "succeeded"), AuditOutcome.Succeeded, after: """{"creators":2,"cannot work":0}"""),
            Entry(AuditActions.CreatorLinked, AuditOutcome.Succeeded, before: "{not json", after: """{"nested":{"a":1}}"""),
        };

        var table = Render<AuditTable>(p => p.Add(t => t.Entries, entries));

        var changes = table.FindAll("[data-testid='audit-change']").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal("— → creators 2 · cannot work 0", changes[0]);
        Assert.Equal("""{not json → {"nested":{"a":1}}""", changes[1]);
    }

    [Fact]
    public void No_entries_says_so_once_loading_is_over()
    {
        var loading = Render<AuditTable>(p => p.Add(t => t.Entries, []).Add(t => t.Loading, true));
        var loaded = Render<AuditTable>(p => p.Add(t => t.Entries, []));

        Assert.Empty(loading.FindAll("[data-testid='audit-empty']"));
        Assert.Equal("No entries match.", loaded.Find("[data-testid='audit-empty']").TextContent);
    }
}
