using System.Collections.Concurrent;
using System.Globalization;
using Microsoft.Playwright;

namespace EndToEnd.Infrastructure;

/// <summary>
/// What a browser page went through, as it happened: where it went, what its console said at warning and above, script
/// errors, every close of its sockets (the live circuit runs over one), and every press and click, on what. <see cref="DescribeAsync"/> adds what the page
/// shows at the end. A failed end-to-end test on CI prints it, so that "the click did nothing" comes with what the
/// browser saw: the circuit lost, an error on the page, or a page that never changed.
/// </summary>
public sealed class PageJournal
{
    private const int Kept = 60;
    private readonly ConcurrentQueue<string> events = new();

    public PageJournal(IPage page)
    {
        Page = page;
        page.FrameNavigated += (_, frame) => { if (frame.ParentFrame is null) Add($"at {frame.Url}"); };
        page.Console += (_, message) =>
        {
            if (message.Text.StartsWith(Said, StringComparison.Ordinal)) Add(message.Text[Said.Length..]);
            else if (message.Type is "error" or "warning") Add($"console {message.Type}: {message.Text}");
        };
        // Registered before the page's first navigation (the protocol keeps the order of the calls), for every document after.
        _ = page.AddInitScriptAsync(PointerScript).ContinueWith(t => Add($"(pointer journal not installed: {t.Exception?.GetBaseException().Message})"),
            TaskContinuationOptions.OnlyOnFaulted);
        page.PageError += (_, error) => Add($"script error: {error}");
        page.Crash += (_, _) => Add("the page crashed");
        page.WebSocket += (_, socket) =>
        {
            Add($"socket opened: {socket.Url}");
            socket.Close += (_, _) => Add($"socket closed: {socket.Url}");
            socket.SocketError += (_, error) => Add($"socket error: {error}");
        };
    }

    public IPage Page { get; }

    private const string Said = "journal: ";

    /// <summary>
    /// Every press, release and click, where and on what (the element's tag and the nearest data-testid), so that a click
    /// that did nothing says whether the browser clicked, and what was under the pointer when it did.
    /// </summary>
    private const string PointerScript = """
        (() => {
            const say = (kind, e) => {
                const target = e.target instanceof Element ? e.target : null;
                const tagged = target?.closest('[data-testid]');
                console.debug('journal: ' + kind + ' at ' + Math.round(e.clientX) + ',' + Math.round(e.clientY) + ' on '
                    + (target ? target.tagName.toLowerCase() : '?') + (tagged ? ' in [data-testid=' + tagged.getAttribute('data-testid') + ']' : ''));
            };
            for (const kind of ['pointerdown', 'pointerup', 'click']) addEventListener(kind, e => say(kind, e), true);
        })();
        """;

    private void Add(string line)
    {
        events.Enqueue($"{DateTime.UtcNow.ToString("HH:mm:ss.fff", CultureInfo.InvariantCulture)} {line}");
        while (events.Count > Kept) events.TryDequeue(out _);
    }

    /// <summary>The page's address, its circuit's state, its visible text (cut), and its events; bounded by a few seconds.</summary>
    public async Task<string> DescribeAsync()
    {
        var lines = new List<string>();
        if (Page.IsClosed)
        {
            lines.Add("(closed)");
        }
        else
        {
            lines.Add($"address: {Page.Url}");
            var shows = Page.EvaluateAsync<string>(ShownState);
            var answered = await Task.WhenAny(shows, Task.Delay(TimeSpan.FromSeconds(5))) == shows;
            lines.Add(!answered ? "(the page did not answer within 5 s)"
                : shows.IsCompletedSuccessfully ? shows.Result
                : $"(the page could not be read: {shows.Exception?.GetBaseException().Message})");
        }
        lines.Add("events:");
        lines.AddRange(events.Select(e => "  " + e));
        return string.Join('\n', lines);
    }

    /// <summary>Blazor's reconnect dialog and error bar, the circuit-live marker, and the main area's text.</summary>
    private const string ShownState = """
        (() => {
            const modal = document.getElementById('components-reconnect-modal');
            const errorBar = document.getElementById('blazor-error-ui');
            const main = document.querySelector('.mud-main-content') ?? document.body;
            return [
                'circuit live marker: ' + (document.querySelector('[data-testid=interactive]') ? 'yes' : 'no'),
                'reconnect dialog: ' + (modal ? (modal.open ? 'open, ' : 'closed, ') + (modal.className || 'no class') : 'none'),
                'error bar: ' + (errorBar && getComputedStyle(errorBar).display !== 'none' ? 'shown: ' + errorBar.innerText.trim() : 'hidden'),
                'text: ' + main.innerText.replace(/\s+/g, ' ').trim().slice(0, 1500),
            ].join('\n');
        })()
        """;
}
