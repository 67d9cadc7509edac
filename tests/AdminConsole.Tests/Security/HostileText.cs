using AngleSharp.Dom;

namespace AdminConsole.Tests.Security;

/// <summary>Strings as an attacker would store them in a table, and the check that none of them became markup.</summary>
internal static class HostileText
{
    public const string MetaRefresh = "m<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:9/pwned\">";
    public const string SvgOnload = "evil\"><svg onload=alert(1)>";
    public const string ImgOnerror = "<img src=x onerror=alert(2)><iframe src=//127.0.0.1:9/></iframe>";
    public const string BidiOverride = "abc\u202Egnp.exe";
    public const string TerminalEscape = "t\u001b]0;pwned\u0007\u001b[2J";

    public static readonly string[] All = [MetaRefresh, SvgOnload, ImgOnerror, BidiOverride, TerminalEscape];

    /// <summary>No element that the data could have made: no meta, img, iframe, no event handler attribute anywhere.</summary>
    public static void AssertNoInjectedElement(IReadOnlyList<IElement> elements)
    {
        Assert.NotEmpty(elements);
        Assert.DoesNotContain(elements, e => e.LocalName is "meta" or "img" or "iframe" or "script");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.LocalName == "svg" && e.ParentElement?.LocalName == "text");
    }
}
