using System.Diagnostics;
using System.Globalization;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// A process as a lease or claim names it: host, process id and start time. The start time tells a live process from
/// a new one that was given a dead one's id.
/// </summary>
public sealed record WorkerProcess(string Host, int Pid, long StartedAtMs)
{
    public static WorkerProcess Current { get; } = new(Environment.MachineName, Environment.ProcessId, StartOf(Process.GetCurrentProcess()) ?? 0);

    /// <summary>The id of one worker in this process: <c>host/pid/start/unique</c>.</summary>
    public string NewWorkerId() => $"{Host}/{Pid}/{StartedAtMs}/{Guid.NewGuid().ToString("N")[..8]}";

    /// <summary>The process a worker id names, or null for an id that names none (written before ids carried one).</summary>
    public static WorkerProcess? FromWorkerId(string? workerId)
    {
        var parts = workerId?.Split('/') ?? [];
        return parts.Length == 4 && int.TryParse(parts[1], out var pid) && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var start)
            ? new WorkerProcess(parts[0], pid, start)
            : null;
    }

    /// <summary>True only when this process ran on this host and is certainly gone: no such pid, or the pid is another process's now.</summary>
    public bool IsGoneFromThisHost()
    {
        if (!string.Equals(Host, Environment.MachineName, StringComparison.OrdinalIgnoreCase) || StartedAtMs == 0) return false;
        if (Pid == Environment.ProcessId) return StartedAtMs != Current.StartedAtMs;
        try
        {
            using var process = Process.GetProcessById(Pid);
            if (process.HasExited) return true;
            // StartTime comes from the clock tick count at boot, rounded: allow a second either way.
            return StartOf(process) is { } started && Math.Abs(started - StartedAtMs) > 1000;
        }
        catch (ArgumentException)
        {
            return true; // no process has that id
        }
        catch (InvalidOperationException)
        {
            return true; // it exited while being looked at
        }
    }

    private static long? StartOf(Process process)
    {
        try { return new DateTimeOffset(process.StartTime.ToUniversalTime()).ToUnixTimeMilliseconds(); }
        catch (Exception e) when (e is InvalidOperationException or System.ComponentModel.Win32Exception or NotSupportedException) { return null; }
    }

    public override string ToString() => $"process {Pid} on {Host}";
}
