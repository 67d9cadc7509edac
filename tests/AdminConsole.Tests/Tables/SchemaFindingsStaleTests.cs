using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Schema;

namespace AdminConsole.Tests.Tables;

public sealed class SchemaFindingsStaleTests : MudTestContext
{
    [Fact]
    public void A_status_read_before_DynamoDB_stopped_does_not_say_that_everything_matches()
    {
        var status = new PlatformStatus([StatusBuilder.Products()], DateTimeOffset.UnixEpoch);

        var findings = Render<SchemaFindings>(p => p.Add(c => c.Status, status).Add(c => c.Stale, "DynamoDB Local is down."));

        Assert.Empty(findings.FindAll("[data-testid='no-drift']"));
        Assert.Contains("DynamoDB Local is down. Whether every table and index matches is not known", findings.Find("[data-testid='status-stale']").TextContent);
    }
}
