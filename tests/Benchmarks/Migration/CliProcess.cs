using CreatorPlatform.Benchmarks;
using CreatorPlatform.Core;
using System.Diagnostics;
using System.Text.Json;
using CreatorPlatform.Sandbox;

namespace Benchmarks.Migration;

/// <summary>What one cold `migrate` process did: wall time from start to exit, and the process's own peak RSS and CPU.</summary>
public sealed record CliRun(int ExitCode, TimeSpan Wall, TimeSpan? StartUp, TimeSpan? Job, double PeakRssMb, double CpuSeconds, long Updated, string Tail)
{
    /// <summary>DynamoDB Local's CPU per product while the process ran (set by the benchmark).</summary>
    public double EmulatorMicros { get; init; }
}

/// <summary>
/// Runs the published console as a user does (<c>dotnet AdminConsole.dll migrate --json</c>) against the benchmark's own
/// DynamoDB Local and tables: Mode=Aws with the SDK's standard endpoint override, so the child joins no sandbox and
/// provisions nothing. /proc is sampled every 10 ms for the child's high-water RSS (VmHWM) and its CPU time.
/// </summary>
public static class CliProcess
{
    public static string Dll => Environment.GetEnvironmentVariable("BENCH_CLI_DLL") ?? PublishedConsole.Dll;

    public static async Task<CliRun> MigrateAsync(int dynamoDbPort, IReadOnlyDictionary<string, string> tables, IReadOnlyDictionary<string, string>? extraEnv = null)
    {
        var dll = PublishedConsole.Require(extraEnv?.GetValueOrDefault("BENCH_CLI_DLL") ?? Dll);
        // BENCH_CLI_WRAP="perf record -g -o /tmp/m.perf --": the child runs under a profiler (its figures then include the profiler's cost).
        var wrap = (Environment.GetEnvironmentVariable("BENCH_CLI_WRAP") ?? "").Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var info = new ProcessStartInfo(wrap.Length > 0 ? wrap[0] : "dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        if (wrap.Length > 0) { foreach (var w in wrap[1..]) info.ArgumentList.Add(w); info.ArgumentList.Add("dotnet"); }
        // BENCH_CLI=dotnet-run: the command exactly as the README gives it, MSBuild's up-to-date check and the Debug build included.
        string[] command = extraEnv?.GetValueOrDefault("BENCH_CLI") == "dotnet-run"
            ? ["run", "--project", Path.Combine(RepositoryPaths.Root, "src", "AdminConsole"), "--no-launch-profile", "--", "migrate", "--json", "--no-wait"]
            : [dll, "migrate", "--json", "--no-wait"];
        foreach (var a in command) info.ArgumentList.Add(a);
        info.Environment["Platform__Mode"] = "Aws";
        info.Environment["Platform__Region"] = "us-east-1";
        info.Environment["AWS_ENDPOINT_URL_DYNAMODB"] = $"http://127.0.0.1:{dynamoDbPort}";
        // DynamoDB Local runs with -sharedDb, so any key reaches the same tables; the sandbox's own keep it familiar.
        info.Environment["AWS_ACCESS_KEY_ID"] = "sandbox";
        info.Environment["AWS_SECRET_ACCESS_KEY"] = "sandbox";
        foreach (var (name, table) in tables) info.Environment[$"Platform__Tables__{name}"] = table;
        // Mode=Aws only reaches the emulator; a sandbox user's Auto write mode is Transaction, so the child is given it.
        info.Environment["Platform__Migration__WriteMode"] = "Transaction";
        foreach (var (k, v) in extraEnv ?? new Dictionary<string, string>()) info.Environment[k] = v;

        var clock = Stopwatch.StartNew();
        var startedAt = DateTimeOffset.UtcNow;
        using var process = Process.Start(info)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        long hwmKb = 0;
        double cpu = 0;
        var ticks = 100.0; // USER_HZ on Linux
        while (!process.HasExited)
        {
            if (Read(process.Id) is { } s) { hwmKb = Math.Max(hwmKb, s.HwmKb); cpu = Math.Max(cpu, s.CpuTicks / ticks); }
            await Task.Delay(10);
        }
        await process.WaitForExitAsync();
        var wall = clock.Elapsed;
        var output = await stdout;
        var (startUp, job, updated) = Parse(output, startedAt);
        var tail = string.Join('\n', (output + await stderr).Split('\n').TakeLast(12));
        return new CliRun(process.ExitCode, wall, startUp, job, hwmKb / 1024.0, cpu, updated, tail);
    }

    /// <summary>The job's own start and end, from --json, tell start-up from the job; the rest is shutdown.</summary>
    private static (TimeSpan?, TimeSpan?, long) Parse(string output, DateTimeOffset processStart)
    {
        try
        {
            var json = output[output.IndexOf('{')..];
            using var doc = JsonDocument.Parse(json);
            var root = doc.RootElement;
            var started = root.GetProperty("startedAt").GetDateTimeOffset();
            var ended = root.GetProperty("endedAt").GetDateTimeOffset();
            var updated = root.GetProperty("counters").TryGetProperty("updated", out var u) ? u.GetInt64() : 0;
            return (started - processStart, ended - started, updated);
        }
        catch (Exception e) when (e is JsonException or ArgumentOutOfRangeException or KeyNotFoundException or InvalidOperationException)
        {
            return (null, null, 0);
        }
    }

    private static (long HwmKb, long CpuTicks)? Read(int pid)
    {
        try
        {
            var status = File.ReadAllLines($"/proc/{pid}/status");
            var hwm = status.FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after the command's closing parenthesis: utime and stime are the 12th and 13th.
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var kb = hwm is null ? 0 : long.Parse(hwm.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
            return (kb, long.Parse(fields[11]) + long.Parse(fields[12]));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or FormatException or IndexOutOfRangeException)
        {
            return null;
        }
    }
}
