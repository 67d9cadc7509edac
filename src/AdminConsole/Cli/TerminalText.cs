using CreatorPlatform.Core.Security;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AdminConsole.Cli;

/// <summary>
/// Everything a verb prints through Spectre passes this hook: control characters, terminal escapes and direction
/// overrides in the text (slugs, product ids, error messages from the tables) are replaced visibly before they reach
/// the terminal. Spectre escapes its own markup only; its own colour and cursor codes are control segments, kept.
/// The hook cannot tell a line break in a slug from one of the layout (Spectre has made both line-break segments by
/// then), so data values are made one line where they enter the output: <see cref="MarkupLine"/> and
/// <see cref="WriteLine"/> treat every interpolated value as data, <see cref="Escape"/> and <see cref="OneLine"/> one value.
/// </summary>
internal sealed class TerminalText : IRenderHook
{
    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<IAnsiConsole, TerminalText> Protected = [];

    /// <summary>Attaches the hook to <paramref name="console"/>, once however often it is called.</summary>
    public static void Protect(IAnsiConsole console)
    {
        if (Protected.TryAdd(console, new TerminalText())) console.Pipeline.Attach(Protected.GetOrCreateValue(console));
    }

    /// <summary>For text written past Spectre (straight to stdout or stderr).</summary>
    public static string Clean(string? text) => UntrustedText.Visible(text, keepLineBreaks: true);

    /// <summary>A data value on one line: its line breaks (CR, LF, NEL, U+2028, U+2029) and controls shown visibly (␊, ␍).</summary>
    public static string OneLine(string? data) => UntrustedText.Visible(data);

    /// <summary>A data value for Spectre markup: one line, and its brackets escaped.</summary>
    public static string Escape(string? data) => Markup.Escape(OneLine(data));

    /// <summary>Like <c>AnsiConsole.MarkupLineInterpolated</c>, with each interpolated value one line of text.</summary>
    public static void MarkupLine(FormattableString line) => AnsiConsole.MarkupLine(line.ToString(DataHoles.Markup));

    /// <summary>Like <c>AnsiConsole.WriteLine</c> of an interpolated string, with each interpolated value one line of text.</summary>
    public static void WriteLine(FormattableString line) => AnsiConsole.WriteLine(line.ToString(DataHoles.Plain));

    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) => renderables.Select(r => new Cleaned(r));

    /// <summary>Formats each value of an interpolated string (with its format, in the current culture), then makes it one line of text.</summary>
    private sealed class DataHoles(bool markup) : IFormatProvider, ICustomFormatter
    {
        public static readonly DataHoles Markup = new(true), Plain = new(false);

        public object? GetFormat(Type? formatType) => formatType == typeof(ICustomFormatter) ? this : null;

        public string Format(string? format, object? arg, IFormatProvider? formatProvider)
        {
            var text = arg is IFormattable f ? f.ToString(format, System.Globalization.CultureInfo.CurrentCulture) : arg?.ToString();
            return markup ? Escape(text) : OneLine(text);
        }
    }

    private sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => inner.Render(options, maxWidth)
            .Select(s => s.IsControlCode || s.IsLineBreak || ReferenceEquals(Clean(s.Text), s.Text) ? s : new Segment(Clean(s.Text), s.Style, s.Link));
    }
}
