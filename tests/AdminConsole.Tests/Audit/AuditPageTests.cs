using AdminConsole.Components.Pages.Audit;
using AdminConsole.Tests.Infrastructure;

namespace AdminConsole.Tests.Audit;

/// <summary>The Audit page before the console's own table exists: the shared alert names it, and nothing else fails.</summary>
public sealed class AuditPageTests : MudTestContext
{
    private readonly List<string> operations = [];

    public AuditPageTests()
    {
        Services.AddCoreWithoutTables(operations);
        AsViewer();
    }

    [Fact]
    public void Without_the_ops_table_the_page_names_it_and_says_to_apply_the_schema()
    {
        var page = Render<AuditPage>();

        page.WaitForAssertion(() => Assert.Equal("AdminConsoleOpsTable", page.Find("[data-testid='table-missing']").GetAttribute("data-table")));
        Assert.Contains("apply the schema on", page.Find("[data-testid='table-missing']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='error']"));
    }
}
