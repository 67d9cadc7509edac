using System.ComponentModel;
using System.Diagnostics;
using CreatorPlatform.Core;

namespace CreatorPlatform.Sandbox;

internal sealed record ProcessResult(int ExitCode, string Output);

internal static class ProcessRunner
{
    /// <summary>Runs a program to completion; a program that is not installed becomes <see cref="SandboxException"/> with <paramref name="missingHint"/>.</summary>
    public static async Task<ProcessResult> RunAsync(string file, IEnumerable<string> args, string workingDirectory, string missingHint, CancellationToken ct)
    {
        var info = new ProcessStartInfo(file) { WorkingDirectory = workingDirectory, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in args) info.ArgumentList.Add(arg);
        using var process = Start(info, missingHint);
        var stdout = process.StandardOutput.ReadToEndAsync(ct);
        var stderr = process.StandardError.ReadToEndAsync(ct);
        await process.WaitForExitAsync(ct);
        return new ProcessResult(process.ExitCode, (await stdout) + (await stderr));
    }

    public static Process Start(ProcessStartInfo info, string missingHint)
    {
        try
        {
            return Process.Start(info) ?? throw new SandboxException($"Could not start '{info.FileName}'. {missingHint}");
        }
        catch (Win32Exception e)
        {
            throw new SandboxException($"'{info.FileName}' was not found on PATH. {missingHint}", e);
        }
    }
}
