using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using EndToEnd.Infrastructure;

namespace EndToEnd;

/// <summary>
/// The built executable as an operator runs it, on a sandbox of its own (a temporary data folder, free ports): a
/// `migrate` killed with SIGKILL, then an immediate `migrate`, which must resume rather than wait out the dead one.
/// It starts beside the schema rollout test, whose page waits for index builds meanwhile, and not beside a class that
/// drives Chromium (see WaitsFirst).
/// </summary>
public sealed class CliCrashTests : IDisposable
{
    private readonly string data = Directory.CreateTempSubdirectory("cli-crash-").FullName;
    private readonly int dynamoDbPort = FreePort();
    private readonly int cognitoPort = FreePort();

    [Fact]
    public async Task A_migrate_killed_with_sigkill_is_resumed_at_once_by_the_next_migrate()
    {
        Assert.Equal(0, (await RunAsync(["schema", "apply"], TimeSpan.FromMinutes(4))).ExitCode);
        var crashed = new ConcurrentQueue<string>();
        using var first = Start(["migrate"], crashed);
        await WaitForAsync(() => crashed.Any(l => l.Contains("products so far")), TimeSpan.FromMinutes(2), first, crashed);
        first.Kill(entireProcessTree: false); // SIGKILL: no cleanup, its lease, claims and emulators are left behind
        await first.WaitForExitAsync();
        var left = Manifest();

        var next = await RunAsync(["migrate"], TimeSpan.FromMinutes(3));

        Assert.True(next.ExitCode == 0, next.Output);
        Assert.Contains("Resuming from checkpoints", next.Output);
        var said = System.Text.RegularExpressions.Regex.Replace(next.Output, @"\s+", " "); // the terminal wraps long lines
        Assert.Contains("was interrupted: its process is gone. This run takes over its work.", said);
        Assert.Matches("Took over segment [0-9]+ from .*, which is gone\\.", said);
        Assert.Contains("Migration completed successfully!", next.Output);
        Assert.DoesNotContain("Another migration run is in progress", next.Output);
        Assert.DoesNotContain("Waiting for the", next.Output);
        Assert.Contains(first.Id, left.GetProperty("Users").EnumerateArray().Select(u => u.GetProperty("Process").GetProperty("Pid").GetInt32()));
        Assert.True(PortIsFree(dynamoDbPort), "the last console to leave stops the emulators it adopted");
    }

    private Process Start(string[] args, ConcurrentQueue<string> output)
    {
        var info = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory =
            ConsoleAppFixture.AppFolder() };
        info.ArgumentList.Add(Path.Combine(ConsoleAppFixture.AppFolder(), "AdminConsole.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["Platform__Mode"] = "Sandbox";
        info.Environment["Platform__Sandbox__DataFolder"] = data;
        info.Environment["Platform__Sandbox__DynamoDbPort"] = dynamoDbPort.ToString();
        info.Environment["Platform__Sandbox__CognitoPort"] = cognitoPort.ToString();
        info.Environment["Platform__Sandbox__ProductCount"] = "2000";
        info.Environment["Platform__Sandbox__RealisticDelays"] = "false";
        info.Environment["Platform__Migration__MaxWriteRate"] = "200";
        // Leases and claims that outlast the test: the next migrate can only go on by taking over the dead process's lease
        // and claims at once (waiting them out would take five minutes), however long the machine makes it take to start.
        info.Environment["Platform__Migration__LeaseSeconds"] = "300";
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) output.Enqueue(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private async Task<(int ExitCode, string Output)> RunAsync(string[] args, TimeSpan limit)
    {
        var output = new ConcurrentQueue<string>();
        using var process = Start(args, output);
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException) { process.Kill(entireProcessTree: true); throw new TimeoutException(string.Join('\n', output)); }
        process.WaitForExit(); // drains the output
        return (process.ExitCode, string.Join('\n', output));
    }

    private static async Task WaitForAsync(Func<bool> condition, TimeSpan limit, Process process, ConcurrentQueue<string> output)
    {
        var deadline = DateTime.UtcNow + limit;
        while (!condition())
        {
            if (process.HasExited || DateTime.UtcNow > deadline) throw new TimeoutException(string.Join('\n', output));
            await Task.Delay(100);
        }
    }

    private JsonElement Manifest() => JsonDocument.Parse(File.ReadAllText(Path.Combine(data, "data", "emulators.json"))).RootElement;

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

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    /// <summary>Stops whatever emulators a failed run left behind (they are this test's), then removes the sandbox.</summary>
    public void Dispose()
    {
        var path = Path.Combine(data, "data", "emulators.json");
        if (File.Exists(path))
        {
            var manifest = JsonDocument.Parse(File.ReadAllText(path)).RootElement;
            foreach (var name in new[] { "DynamoDb", "Cognito" })
                if (manifest.TryGetProperty(name, out var e) && e.ValueKind == JsonValueKind.Object
                    && e.GetProperty("Process").Deserialize<CreatorPlatform.Core.Jobs.WorkerProcess>() is { } emulator && !emulator.IsGoneFromThisHost())
                    try { using var p = Process.GetProcessById(emulator.Pid); p.Kill(entireProcessTree: true); }
                    catch (ArgumentException) { }
        }
        Directory.Delete(data, recursive: true);
    }
}
