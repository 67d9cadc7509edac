using System.Text;

namespace CreatorPlatform.Core.Security;

/// <summary>
/// Text that others wrote (creators, the platform's functions, anyone who can reach the tables) made safe to show:
/// control characters, terminal escapes and direction overrides are replaced by visible stand-ins, so they can
/// neither act on a terminal nor reorder what an admin reads.
/// </summary>
public static class UntrustedText
{
    /// <summary>
    /// C0 controls become their control pictures (ESC shows as ␛, a line feed as ␊), DEL ␡, C1 controls (NEL among them),
    /// the Unicode line and paragraph separators and the direction controls <c>⟨U+202E⟩</c>. Line feeds and tabs stay when
    /// <paramref name="keepLineBreaks"/> (our own multi-line text); a data value shown on one line keeps none.
    /// </summary>
    public static string Visible(string? text, bool keepLineBreaks = false)
    {
        if (string.IsNullOrEmpty(text)) return text ?? "";
        if (!text.Any(c => NeedsReplacing(c, keepLineBreaks))) return text;
        var sb = new StringBuilder(text.Length + 16);
        foreach (var c in text)
        {
            if (!NeedsReplacing(c, keepLineBreaks)) sb.Append(c);
            else if (c < 0x20) sb.Append((char)(0x2400 + c));
            else if (c == 0x7F) sb.Append('\u2421');
            else sb.Append($"⟨U+{(int)c:X4}⟩");
        }
        return sb.ToString();
    }

    /// <summary>Whether the text holds anything <see cref="Visible"/> would replace.</summary>
    public static bool HasControls(string? text) => text is not null && text.Any(c => NeedsReplacing(c, keepLineBreaks: false));

    private static bool NeedsReplacing(char c, bool keepLineBreaks) => c switch
    {
        '\n' or '\t' => !keepLineBreaks,
        < '\u0020' or '\u007F' => true,
        >= '\u0080' and <= '\u009F' => true,
        // Direction marks, embeddings, overrides and isolates (Trojan Source), and the Arabic letter mark.
        // Line and paragraph separators: a line break to Unicode text layout, and to some terminals.
        '\u2028' or '\u2029' => true,
        '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069') => true,
        _ => false,
    };
}
