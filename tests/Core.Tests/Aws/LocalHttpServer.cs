using System.Collections.Concurrent;
using System.Collections.Specialized;
using System.Net;
using System.Text;
using CreatorPlatform.Sandbox;

namespace CreatorPlatform.Core.Tests.Aws;

public sealed record RecordedRequest(string Method, string Path, NameValueCollection Headers, string Body);

public sealed record CannedResponse(int Status, string Body, string ContentType = "text/xml", IReadOnlyDictionary<string, string>? Headers = null);

/// <summary>An HttpListener on 127.0.0.1 that answers from a queue of canned responses and records what it was sent.</summary>
public sealed class LocalHttpServer : IAsyncDisposable
{
    private readonly HttpListener listener = new();
    private readonly ConcurrentQueue<CannedResponse> responses = new();
    private readonly Task loop;

    public LocalHttpServer(params CannedResponse[] answers)
    {
        foreach (var answer in answers) responses.Enqueue(answer);
        var port = SandboxEmulators.FreePort();
        Uri = new Uri($"http://127.0.0.1:{port}/");
        listener.Prefixes.Add(Uri.ToString());
        listener.Start();
        loop = Task.Run(ServeAsync);
    }

    public Uri Uri { get; }
    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    private async Task ServeAsync()
    {
        while (listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await listener.GetContextAsync();
            }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException)
            {
                return;
            }
            using var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8);
            Requests.Enqueue(new(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, context.Request.Headers, await reader.ReadToEndAsync()));
            var answer = responses.TryDequeue(out var next) ? next : new CannedResponse(500, "no canned response left");
            context.Response.StatusCode = answer.Status;
            context.Response.ContentType = answer.ContentType;
            foreach (var (name, value) in answer.Headers ?? new Dictionary<string, string>()) context.Response.Headers[name] = value;
            var bytes = Encoding.UTF8.GetBytes(answer.Body);
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async ValueTask DisposeAsync()
    {
        // Close alone: after Stop, Close unregisters the prefix again, and on Linux that binds the port anew, which
        // fails with "Address already in use" once another test has been given the port.
        listener.Close();
        await loop;
    }
}
