using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// One emulator on a loopback port: started here as a child process, or adopted from the sandbox manifest (started by
/// another console of this checkout). Either way it is known by its process id and start time, never by the port alone.
/// </summary>
internal sealed class EmulatorProcess : IAsyncDisposable
{
    private static readonly HttpClient Http = new() { Timeout = TimeSpan.FromSeconds(3) };
    private readonly Process? child;
    private readonly EmulatorProbe probe;
    private readonly string? logFile;
    private readonly ConcurrentQueue<string> output = new();

    private EmulatorProcess(string name, int port, EmulatorProbe probe, Process? child, WorkerProcess identity, string? logFile)
    {
        Name = name;
        Port = port;
        this.probe = probe;
        this.child = child;
        Identity = identity;
        this.logFile = logFile;
    }

    public string Name { get; }
    public int Port { get; }
    public Uri Endpoint => new($"http://127.0.0.1:{Port}");
    public WorkerProcess Identity { get; }
    /// <summary>False when another console of this checkout started it and this one adopted it from the manifest.</summary>
    public bool Owned => child is not null;
    public bool HasExited => child?.HasExited ?? Identity.IsGoneFromThisHost();

    /// <summary>
    /// Starts the emulator on a free port. With <paramref name="logFile"/> its output goes to that file (it may outlive
    /// this process, for another console that uses it); without, it is kept in memory for the error message.
    /// </summary>
    public static async Task<EmulatorProcess> StartAsync(string name, ProcessStartInfo info, int port, EmulatorProbe probe, string hint, CancellationToken ct,
        string? logFile = null)
    {
        if (!PortIsFree(port))
            throw new SandboxException($"Port {port} is taken by {PortOwners.Describe(port)}, so {name} cannot start. Stop that program or choose another port ({hint}).");
        info.UseShellExecute = false;
        if (logFile is null)
        {
            info.RedirectStandardOutput = true;
            info.RedirectStandardError = true;
        }
        else
        {
            // exec keeps the pid: the shell becomes the emulator, writing to a file rather than to a pipe that dies with us.
            var command = info.FileName;
            var args = info.ArgumentList.ToList();
            info.FileName = "/bin/sh";
            info.ArgumentList.Clear();
            foreach (var arg in (string[])["-c", "exec \"$0\" \"$@\" >>\"$LOG_FILE\" 2>&1", command, .. args]) info.ArgumentList.Add(arg);
            info.Environment["LOG_FILE"] = logFile;
        }
        var process = ProcessRunner.Start(info, "");
        var identity = new WorkerProcess(Environment.MachineName, process.Id, new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds());
        var started = new EmulatorProcess(name, port, probe, process, identity, logFile);
        if (logFile is null)
        {
            process.OutputDataReceived += (_, e) => started.Remember(e.Data);
            process.ErrorDataReceived += (_, e) => started.Remember(e.Data);
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
        }
        try
        {
            await started.WaitUntilAnsweringAsync(ct);
            started.EnsureOwnsPort(hint);
        }
        catch
        {
            // A child that did not become the port's owner (or whose start was cancelled) is never left running.
            await started.DisposeAsync();
            throw;
        }
        return started;
    }

    /// <summary>The emulator the manifest names, if that very process still runs and answers on its port; otherwise null.</summary>
    public static async Task<EmulatorProcess?> AdoptAsync(string name, int port, EmulatorProbe probe, WorkerProcess identity, string? logFile, CancellationToken ct)
    {
        if (identity.IsGoneFromThisHost() || !string.Equals(identity.Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase)) return null;
        var adopted = new EmulatorProcess(name, port, probe, null, identity, logFile);
        // An answer from another process on the port is not the manifest's emulator: the caller says who it is instead.
        return await adopted.AnswersAsync(ct) && adopted.OwnsPort() != false ? adopted : null;
    }

    /// <summary>Whether this emulator's process listens on its port; null where the system cannot tell (no <c>/proc</c>).</summary>
    public bool? OwnsPort() => PortOwners.Listeners(Port) is { } inodes ? inodes.Count > 0 && PortOwners.Holds(Identity.Pid, inodes) : null;

    private void EnsureOwnsPort(string hint)
    {
        if (OwnsPort() != false) return;
        throw new SandboxException($"{PortOwners.Describe(Port) switch { "another program" => "Another program", var who => $"Another program ({who})" }} answers on port "
            + $"{Port}, not the {Name} started here (process {Identity.Pid}), which was stopped so that it is not left behind. "
            + $"Stop that program or choose another port ({hint}).");
    }

    public static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Free on every interface: DynamoDB Local binds them all, so a listener on 0.0.0.0 or [::] blocks it as much as one on 127.0.0.1.</summary>
    public static bool PortIsFree(int port) => PortOwners.IsFree(port);

    private async Task WaitUntilAnsweringAsync(CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (child!.HasExited)
                throw new SandboxException($"{Name} stopped as it started (exit code {child.ExitCode}). Its last output:\n{RecentOutput()}");
            if (await AnswersAsync(ct)) return;
            await Task.Delay(200, ct);
        }
        await DisposeAsync();
        throw new SandboxException($"{Name} did not answer on port {Port} within 90 seconds. Its last output:\n{RecentOutput()}");
    }

    public async Task<bool> AnswersAsync(CancellationToken ct)
    {
        try
        {
            using var request = new HttpRequestMessage(HttpMethod.Post, $"http://127.0.0.1:{Port}/");
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

    private string RecentOutput()
    {
        if (logFile is null || !File.Exists(logFile)) return string.Join('\n', output);
        var text = File.ReadAllText(logFile);
        return text.Length <= 3000 ? text : text[^3000..];
    }

    /// <summary>Stops the emulator (ours or adopted), unless its process is already gone or is not the one we know.</summary>
    public async ValueTask DisposeAsync()
    {
        try
        {
            if (child is not null)
            {
                if (!child.HasExited)
                {
                    child.Kill(entireProcessTree: true);
                    await child.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(10));
                }
                child.Dispose();
            }
            else if (!Identity.IsGoneFromThisHost())
            {
                using var adopted = Process.GetProcessById(Identity.Pid);
                adopted.Kill(entireProcessTree: true);
                await WaitGoneAsync();
            }
        }
        catch (Exception e) when (e is InvalidOperationException or TimeoutException or ArgumentException or System.ComponentModel.Win32Exception) { }
    }

    private async Task WaitGoneAsync()
    {
        for (var i = 0; i < 100 && !Identity.IsGoneFromThisHost(); i++) await Task.Delay(100);
    }

    /// <summary>Leaves the emulator running for the other consoles that use it; only the handle is released.</summary>
    public void Detach() => child?.Dispose();
}

internal sealed record EmulatorProbe(string Target, string ContentType, string Body, string Expect)
{
    public static readonly EmulatorProbe DynamoDb = new("DynamoDB_20120810.ListTables", "application/x-amz-json-1.0", "{}", "TableNames");
    public static readonly EmulatorProbe Cognito = new("AWSCognitoIdentityProviderService.ListUserPools", "application/x-amz-json-1.1", """{"MaxResults":1}""", "UserPools");
}
