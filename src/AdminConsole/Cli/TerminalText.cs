using CreatorPlatform.Core.Security;
using Spectre.Console;
using Spectre.Console.Rendering;

namespace AdminConsole.Cli;

/// <summary>
/// Everything a verb prints through Spectre passes this hook: control characters, terminal escapes and direction
/// overrides in the text (slugs, product ids, error messages from the tables) are replaced visibly before they reach
/// the terminal. Spectre escapes its own markup only; its own colour and cursor codes are control segments, kept.
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

    public IEnumerable<IRenderable> Process(RenderOptions options, IEnumerable<IRenderable> renderables) => renderables.Select(r => new Cleaned(r));

    private sealed class Cleaned(IRenderable inner) : IRenderable
    {
        public Measurement Measure(RenderOptions options, int maxWidth) => inner.Measure(options, maxWidth);

        public IEnumerable<Segment> Render(RenderOptions options, int maxWidth) => inner.Render(options, maxWidth)
            .Select(s => s.IsControlCode || s.IsLineBreak || ReferenceEquals(Clean(s.Text), s.Text) ? s : new Segment(Clean(s.Text), s.Style, s.Link));
    }
}
