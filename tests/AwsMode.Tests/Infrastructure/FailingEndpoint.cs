using System.Net;
using System.Net.Sockets;

namespace AwsMode.Tests.Infrastructure;

/// <summary>An AWS endpoint that is down: every request gets 503, which the console's retry policy retries.</summary>
public sealed class FailingEndpoint : IDisposable
{
    private readonly HttpListener listener = new();
    private int requests;

    public FailingEndpoint()
    {
        using (var probe = new TcpListener(IPAddress.Loopback, 0))
        {
            probe.Start();
            Url = $"http://127.0.0.1:{((IPEndPoint)probe.LocalEndpoint).Port}/";
        }
        listener.Prefixes.Add(Url);
        listener.Start();
        _ = AnswerAsync();
    }

    public string Url { get; }
    public int Requests => Volatile.Read(ref requests);

    private async Task AnswerAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            Interlocked.Increment(ref requests);
            context.Response.StatusCode = 503;
            context.Response.Close();
        }
    }

    public void Dispose() => listener.Close();
}
