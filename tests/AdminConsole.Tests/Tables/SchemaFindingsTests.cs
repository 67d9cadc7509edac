using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Schema;

namespace AdminConsole.Tests.Tables;

public sealed class SchemaFindingsTests : MudTestContext
{
    [Fact]
    public void Drift_is_listed_with_its_message_and_what_to_do()
    {
        var drift = new Finding(FindingSeverity.Error, "ProductsTable", "status-index", "Index status-index is missing.", "Use Apply schema.");
        var status = new PlatformStatus([StatusBuilder.Products(findings: drift), StatusBuilder.Missing(StatusBuilder.Schema.Creators)], DateTimeOffset.UnixEpoch);

        var findings = Render<SchemaFindings>(p => p.Add(c => c.Status, status));

        var alerts = findings.FindAll("[data-testid='findings'] .mud-alert");
        Assert.Equal(2, alerts.Count);
        Assert.Contains("Index status-index is missing. Use Apply schema.", alerts[0].TextContent);
        Assert.Contains("mud-alert-text-error", alerts[0].ClassName);
        Assert.Contains("Table CreatorsTable does not exist.", alerts[1].TextContent);
        Assert.Empty(findings.FindAll("[data-testid='no-drift']"));
    }

    [Fact]
    public void No_drift_says_so()
    {
        var status = new PlatformStatus([StatusBuilder.Products()], DateTimeOffset.UnixEpoch);

        var findings = Render<SchemaFindings>(p => p.Add(c => c.Status, status));

        Assert.Contains("matches the expected schema", findings.Find("[data-testid='no-drift']").TextContent);
    }
}
