using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Analytics;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Analytics;

public sealed class RangeBarTests : MudTestContext
{
    [Fact]
    public void Presets_link_to_the_range_in_the_query_string_and_mark_the_selected_one()
    {
        var cut = Render<RangeBar>(p => p.Add(r => r.Range, Week).Add(r => r.Preset, "7d"));

        Assert.Equal("http://localhost/?range=90d", cut.Find("[data-testid=range-90d]").GetAttribute("href"));
        Assert.Equal("true", cut.Find("[data-testid=range-7d]").GetAttribute("aria-current"));
        Assert.Null(cut.Find("[data-testid=range-30d]").GetAttribute("aria-current"));
    }

    [Fact]
    public void Changing_to_a_preset_range_does_not_turn_it_into_a_custom_one()
    {
        var nav = Services.GetRequiredService<NavigationManager>();
        var cut = Render<RangeBar>(p => p.Add(r => r.Range, Week).Add(r => r.Preset, "7d"));

        cut.Render(p => p.Add(r => r.Range, DateRange.LastDays(90, Today)).Add(r => r.Preset, "90d"));

        Assert.Equal("http://localhost/", nav.Uri);
        Assert.Contains("90 days", cut.Find("[data-testid=range-text]").TextContent);
    }
}
