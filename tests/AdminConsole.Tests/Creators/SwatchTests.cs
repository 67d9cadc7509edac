using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;

namespace AdminConsole.Tests.Creators;

public sealed class SwatchTests : MudTestContext
{
    [Fact]
    public void A_stored_colour_that_is_not_hex_is_shown_as_text_and_never_reaches_a_style_attribute()
    {
        var swatch = Render<Swatch>(p => p.Add(s => s.Color, "red;background-image:url(https://tracker.example/a.png)"));

        Assert.Empty(swatch.FindAll("[style*='tracker']"));
        Assert.Contains("not a hex colour", swatch.Find("[data-testid='bad-colour']").TextContent);
    }

    [Fact]
    public void A_hex_colour_is_a_swatch()
    {
        var swatch = Render<Swatch>(p => p.Add(s => s.Color, "#FF6B6B"));

        Assert.Equal("background:#FF6B6B", swatch.Find("[data-testid='swatch']").GetAttribute("style"));
    }

    [Fact]
    public void A_hex_colour_followed_by_a_line_break_is_not_a_hex_colour()
    {
        var swatch = Render<Swatch>(p => p.Add(s => s.Color, "#000000\n"));

        Assert.Empty(swatch.FindAll("[data-testid='swatch']"));
        Assert.Contains("not a hex colour", swatch.Find("[data-testid='bad-colour']").TextContent);
    }
}
