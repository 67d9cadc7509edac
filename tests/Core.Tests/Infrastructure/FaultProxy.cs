using System.Net;
using System.Net.Sockets;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>What the proxy does with one request: forward it, late or never, reset its connection or answer it throttled.</summary>
public abstract record Fault
{
    public static readonly Fault None = new Forward(TimeSpan.Zero);
    /// <summary>Held, unanswered, until <see cref="FaultProxy.Resume"/>; dropped if the client gives up on its connection first.</summary>
    public static readonly Fault Stall = new Held();
    public static readonly Fault Reset = new Resetting();
    /// <summary>The connection closed in good order (FIN) after the request, before any answer: "the response ended prematurely".</summary>
    public static readonly Fault Hangup = new HungUp();
    public static Fault Delay(TimeSpan latency) => new Forward(latency);
    /// <summary>An AWS throttling answer (HTTP 400, the JSON protocol's error type) instead of forwarding.</summary>
    public static Fault Throttle(string errorType = DynamoDbThrottled) => new Throttled(errorType);
    public const string DynamoDbThrottled = "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException";

    public sealed record Forward(TimeSpan Latency) : Fault;
    public sealed record Held : Fault;
    public sealed record Resetting : Fault;
    public sealed record HungUp : Fault;
    public sealed record Throttled(string ErrorType) : Fault;
}

/// <summary>One HTTP request the proxy read from a client; <see cref="Order"/> counts across every proxy of the test run.</summary>
public sealed record ProxiedRequest(long Order, string? Target, string Body)
{
    /// <summary>The operation without its version (X-Amz-Target "DynamoDB_20120810.UpdateItem" is "UpdateItem").</summary>
    public string Operation => Target is { } t && t.LastIndexOf('.') is var dot and >= 0 ? t[(dot + 1)..] : Target ?? "";
}

/// <summary>
/// A TCP proxy between an SDK client and an emulator that breaks the network as a test says: latency, a stall that
/// never answers, a reset connection, a refused connection, a throttling answer. It reads each HTTP/1.1 request (the
/// AWS SDKs send Content-Length bodies and never pipeline), asks <see cref="Schedule"/> what to do with it, and pipes
/// the answers back untouched, so the client meets the faults as it meets them in production (its own timeout,
/// <c>HttpIOException</c>, a refused socket, the service's throttling error).
/// </summary>
public sealed class FaultProxy : IAsyncDisposable
{
    private static long order;
    private readonly int target;
    private readonly CancellationTokenSource closing = new();
    private readonly List<ProxiedRequest> forwarded = [];
    private readonly List<TcpClient> open = [];
    private readonly Lock gate = new();
    private TcpListener? listener;
    private bool stalled;
    private TaskCompletionSource release = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int requests;

    private FaultProxy(int target, int port)
    {
        this.target = target;
        Port = port;
    }

    /// <summary>A proxy on a free loopback port in front of <paramref name="targetPort"/>, forwarding everything until told otherwise.</summary>
    /// <summary>
    /// A delay of at least <paramref name="latency"/>: the runtime's timer counts whole milliseconds and fired a fraction of
    /// one early (an answer delayed 300 ms came after 299 ms by the stopwatch, once in CI).
    /// </summary>
    private static async Task AtLeastAsync(TimeSpan latency, CancellationToken ct)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        await Task.Delay(latency, ct);
        while (clock.Elapsed < latency) await Task.Delay(1, ct);
    }

    public static FaultProxy Start(int targetPort)
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        var proxy = new FaultProxy(targetPort, ((IPEndPoint)probe.LocalEndpoint).Port);
        probe.Stop();
        proxy.Accept();
        return proxy;
    }

    public int Port { get; }

    /// <summary>Decides each request's fault from its number on this proxy (from 1) and its content. Forwards by default.</summary>
    public Func<int, ProxiedRequest, Fault> Schedule { get; set; } = (_, _) => Fault.None;

    /// <summary>Raised for each request read, before its fault is applied (on the proxy's thread).</summary>
    public event Action<ProxiedRequest>? Received;

    /// <summary>Every request passed on to the emulator, in order.</summary>
    public IReadOnlyList<ProxiedRequest> Forwarded { get { lock (gate) return forwarded.ToList(); } }

    public bool Stalled { get { lock (gate) return stalled; } }

    /// <summary>From now on every request is held unanswered, as <see cref="Fault.Stall"/>, until <see cref="Resume"/>.</summary>
    public void Stall() { lock (gate) stalled = true; }

    /// <summary>Forwards every held request (of connections their clients kept) and, unless scheduled otherwise, everything after it.</summary>
    public void Resume()
    {
        lock (gate)
        {
            stalled = false;
            release.TrySetResult();
            release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    /// <summary>New connections are refused (nothing listens) and the open ones are reset, until <see cref="Accept"/>.</summary>
    public void Refuse()
    {
        lock (gate)
        {
            listener?.Stop();
            listener = null;
            foreach (var c in open) ResetSocket(c);
            open.Clear();
        }
    }

    /// <summary>Listens again (the state a proxy starts in).</summary>
    public void Accept()
    {
        lock (gate)
        {
            if (listener is not null) return;
            var l = new TcpListener(IPAddress.Loopback, Port);
            l.Server.SetSocketOption(SocketOptionLevel.Socket, SocketOptionName.ReuseAddress, true);
            l.Start();
            listener = l;
            _ = AcceptLoopAsync(l);
        }
    }

    private async Task AcceptLoopAsync(TcpListener l)
    {
        while (!closing.IsCancellationRequested)
        {
            TcpClient client;
            try { client = await l.AcceptTcpClientAsync(closing.Token); }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or OperationCanceledException or InvalidOperationException) { return; }
            lock (gate) open.Add(client);
            _ = ServeAsync(client);
        }
    }

    private async Task ServeAsync(TcpClient client)
    {
        using var upstream = new TcpClient();
        try
        {
            await upstream.ConnectAsync(IPAddress.Loopback, target, closing.Token);
            using var from = new HttpRequestReader(client.GetStream());
            var to = upstream.GetStream();
            var answers = client.GetStream();
            _ = PipeAnswersAsync(to, client);
            while (await from.ReadAsync(closing.Token) is { } raw)
            {
                var request = new ProxiedRequest(Interlocked.Increment(ref order), raw.Target, raw.Body);
                Received?.Invoke(request);
                bool all;
                Task released;
                lock (gate) (all, released) = (stalled, release.Task);
                var fault = all ? Fault.Stall : Schedule(Interlocked.Increment(ref requests), request);
                if (fault is Fault.Held && !await from.WaitUnlessClosedAsync(released, closing.Token)) return;
                switch (fault)
                {
                    case Fault.Resetting:
                        ResetSocket(client);
                        return;
                    case Fault.HungUp:
                        client.Client.Shutdown(SocketShutdown.Send);
                        return;
                    case Fault.Throttled t:
                        await answers.WriteAsync(ThrottleAnswer(t.ErrorType), closing.Token);
                        continue;
                    case Fault.Forward { Latency: var latency } when latency > TimeSpan.Zero:
                        if (!await from.WaitUnlessClosedAsync(AtLeastAsync(latency, closing.Token), closing.Token)) return;
                        break;
                }
                lock (gate) forwarded.Add(request with { Order = Interlocked.Increment(ref order) });
                await to.WriteAsync(raw.Bytes, closing.Token);
            }
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        finally
        {
            lock (gate) open.Remove(client);
            client.Dispose();
        }
    }

    /// <summary>The emulator's answers go back untouched; when it closes, so does the client's connection.</summary>
    private async Task PipeAnswersAsync(NetworkStream upstream, TcpClient client)
    {
        try { await upstream.CopyToAsync(client.GetStream(), closing.Token); }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        client.Close();
    }

    private static void ResetSocket(TcpClient client)
    {
        if (client.Client is not { } socket) return; // already closed
        try
        {
            socket.LingerState = new LingerOption(true, 0);
            socket.Close();
        }
        catch (ObjectDisposedException) { }
    }

    private static byte[] ThrottleAnswer(string errorType)
    {
        var body = $$"""{"__type":"{{errorType}}","message":"Rate exceeded"}""";
        return System.Text.Encoding.ASCII.GetBytes("HTTP/1.1 400 Bad Request\r\nContent-Type: application/x-amz-json-1.0\r\n"
            + $"x-amzn-RequestId: fault-proxy\r\nContent-Length: {body.Length}\r\n\r\n{body}");
    }

    public async ValueTask DisposeAsync()
    {
        await closing.CancelAsync();
        Refuse();
        Resume();
        closing.Dispose();
    }
}
