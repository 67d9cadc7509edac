using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Schema;

namespace AdminConsole.Tests.Shared;

public sealed class TableMissingAlertTests : MudTestContext
{
    [Fact]
    public void A_missing_table_is_named_with_the_step_that_creates_it_and_a_link_to_that_screen()
    {
        AsViewer();

        var alert = Render<TableMissingAlert>(p => p.Add(c => c.Missing, new TableMissing("CreatorsTable")));

        var box = alert.Find("[data-testid='table-missing']");
        Assert.Equal("CreatorsTable", box.GetAttribute("data-table"));
        var text = System.Text.RegularExpressions.Regex.Replace(box.TextContent, @"\s+", " ");
        Assert.Contains("CreatorsTable does not exist yet: apply the schema on Tables & indexes first.", text);
        Assert.Equal("/tables", alert.Find("[data-testid='table-missing-link']").GetAttribute("href"));
    }
}
