using System.Diagnostics;
using System.Text;

namespace AwsMode.Tests.Infrastructure;

/// <summary>What one child process did: its exit code, its two streams apart, and how long it ran.</summary>
public sealed record ChildResult(string Command, int ExitCode, string Stdout, string Stderr, TimeSpan Elapsed)
{
    public override string ToString() => $"{Command} -> exit {ExitCode} in {Elapsed.TotalSeconds:0.0} s\n--- stdout:\n{Stdout}\n--- stderr:\n{Stderr}";
}

public static class ChildProcess
{
    public static async Task<ChildResult> RunAsync(string file, IEnumerable<string> args, IDictionary<string, string?> environment,
        TimeSpan limit, string? workingDirectory = null)
    {
        var info = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true, RedirectStandardError = true, RedirectStandardInput = true, UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? AppContext.BaseDirectory,
        };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        foreach (var (name, value) in environment)
            if (value is null) info.Environment.Remove(name);
            else info.Environment[name] = value;
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var clock = Stopwatch.StartNew();
        using var process = Process.Start(info)!;
        process.StandardInput.Close();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (stdout) stdout.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (stderr) stderr.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var timeout = new CancellationTokenSource(limit);
        try { await process.WaitForExitAsync(timeout.Token); }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} ran over {limit}:\n{stdout}\n{stderr}");
        }
        process.WaitForExit(); // drains both streams
        clock.Stop();
        return new($"{Path.GetFileName(file)} {string.Join(' ', args)}", process.ExitCode, stdout.ToString(), stderr.ToString(), clock.Elapsed);
    }
}
