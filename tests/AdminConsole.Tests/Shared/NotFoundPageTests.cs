using AdminConsole.Components.Pages;
using AdminConsole.Tests.Infrastructure;

namespace AdminConsole.Tests.Shared;

public sealed class NotFoundPageTests : MudTestContext
{
    [Fact]
    public void An_unknown_address_gets_a_page_title_like_every_page_and_a_way_back_to_the_overview()
    {
        var page = Render<NotFound>();

        Assert.Equal("Page not found", page.Find("h1").TextContent.Trim());
        Assert.Equal("/", page.Find("[data-testid='not-found-home']").GetAttribute("href"));
        Assert.DoesNotContain("Sorry, the content", page.Markup);
    }
}
