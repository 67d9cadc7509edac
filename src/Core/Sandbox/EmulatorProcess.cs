using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;

namespace CreatorPlatform.Core.Sandbox;

/// <summary>One emulator as a child process on a loopback port: started, waited for until it answers, and stopped with its children.</summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Process? process;
    private readonly ConcurrentQueue<string> output = new();

    private EmulatorProcess(string name, int port, Process? process)
    {
        Name = name;
        Port = port;
        this.process = process;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");
    /// <summary>False when another process of ours already served the port and this one joined it.</summary>
    public bool Owned => process is not null;

    /// <summary>
    /// Starts the emulator, unless the port already answers as this emulator (the console started in a second
    /// terminal, or a sandbox left running): then it is shared rather than fought over.
    /// </summary>
    public static async Task<EmulatorProcess> StartAsync(string name, ProcessStartInfo info, int port, EmulatorProbe probe, string hint, CancellationToken ct)
    {
        if (!PortIsFree(port))
        {
            if (await AnswersAsync(port, probe, ct)) return new EmulatorProcess(name, port, null);
            throw new SandboxException($"Port {port} is taken by another program, so {name} cannot start. Stop that program or choose another port ({hint}).");
        }

        info.RedirectStandardOutput = true;
        info.RedirectStandardError = true;
        info.UseShellExecute = false;
        var started = new EmulatorProcess(name, port, ProcessRunner.Start(info, ""));
        started.process!.OutputDataReceived += (_, e) => started.Remember(e.Data);
        started.process.ErrorDataReceived += (_, e) => started.Remember(e.Data);
        started.process.BeginOutputReadLine();
        started.process.BeginErrorReadLine();
        await started.WaitUntilAnsweringAsync(probe, ct);
        return started;
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static bool PortIsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    private async Task WaitUntilAnsweringAsync(EmulatorProbe probe, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (process!.HasExited)
                throw new SandboxException($"{Name} stopped as it started (exit code {process.ExitCode}). Its last output:\n{RecentOutput()}");
            if (await AnswersAsync(Port, probe, ct)) return;
            await Task.Delay(200, ct);
        }
        await DisposeAsync();
        throw new SandboxException($"{Name} did not answer on port {Port} within 90 seconds. Its last output:\n{RecentOutput()}");
    }

    private static async Task<bool> AnswersAsync(int port, EmulatorProbe probe, CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{port}/");
            request.Headers.TryAddWithoutValidation("X-Amz-Target", probe.Target);
            request.Headers.TryAddWithoutValidation("Authorization", "AWS4-HMAC-SHA256 Credential=sandbox/20260101/us-east-1/probe/aws4_request, SignedHeaders=host, Signature=0");
            request.Content = new StringContent(probe.Body, Encoding.UTF8);
            request.Content.Headers.ContentType = new(probe.ContentType);
            using var response = await Http.SendAsync(request, ct);
            var body = await response.Content.ReadAsStringAsync(ct);
            return response.IsSuccessStatusCode && body.Contains(probe.Expect, StringComparison.Ordinal);
        }
        catch (Exception e) when (e is HttpRequestException or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        output.Enqueue(line);
        while (output.Count > 40) output.TryDequeue(out _);
    }

    private string RecentOutput() => string.Join('\n', output);

    public async ValueTask DisposeAsync()
    {
        if (process is null) return;
        try
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
                await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException) { }
        process.Dispose();
    }
}

internal sealed record EmulatorProbe(string Target, string ContentType, string Body, string Expect)
{
    public static readonly EmulatorProbe DynamoDb = new("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}", "TableNames");
    public static readonly EmulatorProbe Cognito = new("AWSCognitoIdentityProviderService.ListUserPools", "application/x-amz-json-1.1", """{"MaxResults":1}""", "UserPools");
}
