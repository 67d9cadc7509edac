using AdminConsole.Security;

namespace AdminConsole.Tests.Security;

public sealed class LocalUrlTests
{
    [Theory]
    [InlineData("/\t/evil.example")]
    [InlineData("/\n/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/\\evil.example")]
    [InlineData("https://evil.example")]
    [InlineData("~//evil.example")]
    [InlineData("")]
    [InlineData(null)]
    public void Anything_but_a_path_of_this_site_returns_home(string? url) => Assert.Equal("/", LocalUrl.OrHome(url));

    [Theory]
    [InlineData("/", "/")]
    [InlineData("/tables", "/tables")]
    [InlineData("/creators/jess?tab=1", "/creators/jess?tab=1")]
    [InlineData("~/audit", "/audit")]
    public void A_path_of_this_site_is_kept(string url, string expected) => Assert.Equal(expected, LocalUrl.OrHome(url));
}
