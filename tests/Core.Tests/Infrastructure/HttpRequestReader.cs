using System.Text;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>One HTTP/1.1 request as read off the wire: its bytes as sent, and what a fault schedule looks at.</summary>
public sealed record RawRequest(byte[] Bytes, string? Target, string Body);

/// <summary>Reads whole HTTP/1.1 requests (headers and a Content-Length body) from a client's stream, for <see cref="FaultProxy"/>.</summary>
internal sealed class HttpRequestReader(Stream stream) : IDisposable
{
    private readonly MemoryStream pending = new();
    private readonly byte[] chunk = new byte[16 * 1024];

    /// <summary>The next request, or null when the client closed its connection.</summary>
    public async Task<RawRequest?> ReadAsync(CancellationToken ct)
    {
        // A read left running by a wait settles first, so that nothing else touches the buffer meanwhile.
        if (pendingRead is not null && !await FillAsync(ct)) return null;
        int headerEnd;
        while ((headerEnd = IndexOfHeaderEnd()) < 0)
            if (!await FillAsync(ct)) return null;
        var head = Encoding.ASCII.GetString(pending.GetBuffer(), 0, headerEnd);
        string? Header(string name) => head.Split("\r\n").Select(l => l.Split(':', 2))
            .FirstOrDefault(p => p.Length == 2 && p[0].Trim().Equals(name, StringComparison.OrdinalIgnoreCase))?[1].Trim();
        if (Header("Transfer-Encoding") is not null) throw new NotSupportedException("FaultProxy reads Content-Length bodies only.");
        var length = int.TryParse(Header("Content-Length"), out var n) ? n : 0;
        var total = headerEnd + 4 + length;
        while (pending.Length < total)
            if (!await FillAsync(ct)) return null;
        var all = pending.ToArray();
        var bytes = all[..total];
        pending.SetLength(0);
        pending.Write(all, total, all.Length - total);
        return new RawRequest(bytes, Header("X-Amz-Target"), Encoding.UTF8.GetString(bytes, headerEnd + 4, length));
    }

    /// <summary>
    /// Waits for <paramref name="until"/> while watching the connection: false when the client closed or reset it first
    /// (a held request is then dropped, as a partition loses it), true when <paramref name="until"/> completed.
    /// </summary>
    public async Task<bool> WaitUnlessClosedAsync(Task until, CancellationToken ct)
    {
        while (true)
        {
            var read = FillAsync(ct);
            if (await Task.WhenAny(until, read) == until)
            {
                // The watching read goes on: what it brings is kept for the next request.
                pendingRead = read;
                return true;
            }
            if (!await read) return false;
        }
    }

    private Task<bool>? pendingRead;

    private async Task<bool> FillAsync(CancellationToken ct)
    {
        if (pendingRead is { } earlier)
        {
            pendingRead = null;
            return await earlier;
        }
        int n;
        try { n = await stream.ReadAsync(chunk, ct); }
        catch (IOException) { return false; }
        if (n == 0) return false;
        pending.Write(chunk, 0, n);
        return true;
    }

    public void Dispose() => pending.Dispose();

    private int IndexOfHeaderEnd()
    {
        var b = pending.GetBuffer();
        for (var i = 0; i + 3 < pending.Length; i++)
            if (b[i] == '\r' && b[i + 1] == '\n' && b[i + 2] == '\r' && b[i + 3] == '\n') return i;
        return -1;
    }
}
