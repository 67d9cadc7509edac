using System.Collections.Concurrent;
using System.ComponentModel;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;

namespace AwsMode.Tests.Infrastructure;

/// <summary>
/// <c>moto_server</c> on a free loopback port, started by the tests and stopped with them: DynamoDB, Cognito,
/// CloudFormation, Lambda, CloudWatch and IAM behind one endpoint (<c>AWS_ENDPOINT_URL</c>).
/// </summary>
public sealed class MotoServer : IAsyncDisposable
{
    private readonly Process process;
    private readonly ConcurrentQueue<string> output = new();

    private MotoServer(Process process, Uri endpoint)
    {
        this.process = process;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }
    public string Output => string.Join('\n', output);

    public static async Task<MotoServer> StartAsync(IDictionary<string, string>? environment = null)
    {
        var port = FreePort();
        var info = new ProcessStartInfo(Environment.GetEnvironmentVariable("MOTO_SERVER") ?? "moto_server")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "-H", "127.0.0.1", "-p", port.ToString() }) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment ?? new Dictionary<string, string>()) info.Environment[name] = value;
        Process started;
        try { started = Process.Start(info)!; }
        catch (Win32Exception e)
        {
            throw new InvalidOperationException("moto_server was not found on PATH. Install it with: pip install 'moto[server]'", e);
        }
        var server = new MotoServer(started, new Uri($"http://127.0.0.1:{port}"));
        started.OutputDataReceived += (_, e) => { if (e.Data is not null) server.output.Enqueue(e.Data); };
        started.ErrorDataReceived += (_, e) => { if (e.Data is not null) server.output.Enqueue(e.Data); };
        started.BeginOutputReadLine();
        started.BeginErrorReadLine();
        await server.WaitUntilAnsweringAsync();
        return server;
    }

    private async Task WaitUntilAnsweringAsync()
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            if (process.HasExited) throw new InvalidOperationException($"moto_server exited with {process.ExitCode}:\n{Output}");
            try
            {
                using var response = await http.GetAsync(new Uri(Endpoint, "/moto-api/data.json"));
                if (response.IsSuccessStatusCode) return;
            }
            // Refused while it starts; a first answer slower than the probe's 5 s (a busy machine) is polled again too.
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException) { }
            if (DateTime.UtcNow > deadline) throw new TimeoutException($"moto_server did not answer on {Endpoint}:\n{Output}");
            await Task.Delay(100);
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        if (!process.HasExited)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
        }
        process.Dispose();
    }
}
