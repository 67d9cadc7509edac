using System.Net;
using System.Net.Sockets;

namespace Benchmarks.Migration;

/// <summary>
/// A round trip for a child process, which the in-process latency handler cannot reach: a TCP proxy in front of
/// DynamoDB Local that holds each request (the first bytes sent after the last response) for <c>delay</c> before
/// forwarding it. HttpClient does not pipeline, so that is one delay per request, as the in-process handler adds.
/// </summary>
public sealed class LatencyProxy : IAsyncDisposable
{
    private readonly TcpListener listener = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;

    public LatencyProxy(int targetPort, TimeSpan delay)
    {
        Delay = delay;
        listener.Start();
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                TcpClient client;
                try { client = await listener.AcceptTcpClientAsync(stop.Token); }
                catch (OperationCanceledException) { return; }
                _ = Task.Run(() => PipeAsync(client, targetPort));
            }
        });
    }

    public int Port => ((IPEndPoint)listener.LocalEndpoint).Port;

    /// <summary>The round trip added to each request from now on (a benchmark may change it between its measurements).</summary>
    public TimeSpan Delay { get; set; }

    private async Task PipeAsync(TcpClient client, int targetPort)
    {
        using var _ = client;
        using var server = new TcpClient { NoDelay = true };
        client.NoDelay = true;
        try
        {
            await server.ConnectAsync(IPAddress.Loopback, targetPort, stop.Token);
            var requestStart = 1; // set by each response, cleared by the request that follows it
            var up = Task.Run(async () =>
            {
                var buffer = new byte[65536];
                var from = client.GetStream();
                var to = server.GetStream();
                int n;
                while ((n = await from.ReadAsync(buffer, stop.Token)) > 0)
                {
                    if (Interlocked.Exchange(ref requestStart, 0) == 1 && Delay > TimeSpan.Zero) await Task.Delay(Delay, stop.Token);
                    await to.WriteAsync(buffer.AsMemory(0, n), stop.Token);
                }
                server.Client.Shutdown(SocketShutdown.Send);
            });
            var down = Task.Run(async () =>
            {
                var buffer = new byte[65536];
                var from = server.GetStream();
                var to = client.GetStream();
                int n;
                while ((n = await from.ReadAsync(buffer, stop.Token)) > 0)
                {
                    Volatile.Write(ref requestStart, 1);
                    await to.WriteAsync(buffer.AsMemory(0, n), stop.Token);
                }
                client.Client.Shutdown(SocketShutdown.Send);
            });
            await Task.WhenAny(up, down);
            await Task.WhenAll(up, down);
        }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        listener.Stop();
        await loop;
        stop.Dispose();
    }
}
