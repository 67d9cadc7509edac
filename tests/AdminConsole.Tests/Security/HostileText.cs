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
    /// <summary>What a data value would print as a line of its own, and the value that carries it on a line break.</summary>
    public const string FakeLine = "✓ All creators can work.";
    public const string LineBreak = "nl\n" + FakeLine;
    /// <summary>The same on a carriage return and on the Unicode line separator, which some terminals and all browsers break on.</summary>
    public const string OtherLineBreaks = "cr\r" + FakeLine + "\u2028" + FakeLine + "\u0085" + FakeLine;
    /// <summary>A right-to-left isolate and override that would reorder the rest of its line.</summary>
    public const string Isolate = "iso\u2067\u202Dfake\u2069";

    public static readonly string[] All = [MetaRefresh, SvgOnload, ImgOnerror, BidiOverride, TerminalEscape, LineBreak, OtherLineBreaks, Isolate];

    /// <summary>The direction controls (marks, embeddings, overrides, isolates) that reorder what a reader sees.</summary>
    public static bool IsBidiControl(char c) => c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    /// <summary>The text a reader sees holds no direction control and no line break of the data's own: every value was shown visibly.</summary>
    public static void AssertShownVisibly(string text)
    {
        Assert.DoesNotContain(text, IsBidiControl);
        Assert.DoesNotContain(text, c => c is '\u001b' or '\u0007' or '\u2028' or '\u2029' or '\u0085');
    }

    /// <summary>No element that the data could have made: no meta, img, iframe, no event handler attribute anywhere.</summary>
    public static void AssertNoInjectedElement(IReadOnlyList<IElement> elements)
    {
        Assert.NotEmpty(elements);
        Assert.DoesNotContain(elements, e => e.LocalName is "meta" or "img" or "iframe" or "script");
        Assert.DoesNotContain(elements, e => e.Attributes.Any(a => a.Name.StartsWith("on", StringComparison.OrdinalIgnoreCase)));
        Assert.DoesNotContain(elements, e => e.LocalName == "svg" && e.ParentElement?.LocalName == "text");
    }
}
