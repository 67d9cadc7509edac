using AdminConsole.Components.Pages.Tables;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Rollback;

namespace AdminConsole.Tests.Tables;

public sealed class PitrPanelTests : MudTestContext
{
    [Fact]
    public void The_cdk_props_stand_one_per_line_in_a_block_of_their_own_and_not_inside_a_sentence()
    {
        var panel = Render<PitrPanel>(p => p.Add(c => c.Tables, []));

        var block = panel.Find("[data-testid='pitr-cdk']");
        Assert.Equal("PRE", block.TagName);
        Assert.Equal([PitrService.CdkLine, PitrService.CdkLineLegacy], block.TextContent.Split('\n'));
        Assert.All(panel.FindAll("p"), p => Assert.DoesNotContain(PitrService.CdkLineLegacy, p.TextContent));
    }
}
