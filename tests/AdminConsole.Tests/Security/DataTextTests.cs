using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;

namespace AdminConsole.Tests.Security;

/// <summary>The one way pages show a value others wrote: isolated from its line, its direction controls and line breaks visible.</summary>
public sealed class DataTextTests : MudTestContext
{
    [Theory]
    [InlineData(HostileText.BidiOverride, "abc⟨U+202E⟩gnp.exe")]
    [InlineData(HostileText.Isolate, "iso⟨U+2067⟩⟨U+202D⟩fake⟨U+2069⟩")]
    [InlineData(HostileText.LineBreak, "nl␊" + HostileText.FakeLine)]
    [InlineData("r\u200Fl\u2028x\u0085y", "r⟨U+200F⟩l⟨U+2028⟩x⟨U+0085⟩y")]
    [InlineData(HostileText.ImgOnerror, HostileText.ImgOnerror)]
    [InlineData("jesskoufo", "jesskoufo")]
    public void A_value_is_an_isolated_text_with_its_direction_controls_and_line_breaks_shown(string value, string shown)
    {
        var text = Render<DataText>(p => p.Add(c => c.Value, value));

        var bdi = Assert.Single(text.FindAll("bdi.data-text"));
        Assert.Equal(shown, bdi.TextContent);
        Assert.Empty(bdi.Children);
    }

    [Fact]
    public void A_command_laid_out_on_lines_keeps_them_and_still_shows_its_overrides()
    {
        var text = Render<DataText>(p => p.Add(c => c.Value, "aws dynamodb scan \\\n  --table abc\u202Egnp").Add(c => c.KeepLineBreaks, true));

        Assert.Equal("aws dynamodb scan \\\n  --table abc⟨U+202E⟩gnp", text.Find("bdi").TextContent);
    }

    [Fact]
    public void Nothing_is_shown_for_no_value()
    {
        var text = Render<DataText>(p => p.Add(c => c.Value, null));

        Assert.Equal("", text.Find("bdi").TextContent);
    }
}
