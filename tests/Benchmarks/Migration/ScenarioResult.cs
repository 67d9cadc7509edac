namespace Benchmarks.Migration;

/// <summary>
/// One size and round trip: (a) the script, (b) the job in process, (c) the emulator's ceiling, and (d) the whole `migrate`
/// process, cold, start-up and closing verification included (null when not measured).
/// </summary>
public sealed record ScenarioResult(int Size, int LatencyMs, Phase Script, Phase Job, Phase Ceiling, bool JobSucceeded, CliRun? WholeProcess = null,
    double JobHeapGrowthMb = 0, double JobCpuMicrosPerProduct = 0)
{
    public double JobOverScript => Job.Rate / Script.Rate;
    public double JobOverCeiling => Job.Rate / Ceiling.Rate;
    public double? WholeRate => WholeProcess is { } w ? Size / w.Wall.TotalSeconds : null;

    public static void Print(IEnumerable<ScenarioResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| products | RTT | (a) script items/s | (b) job items/s | (c) ceiling items/s | b/a | b/c | (d) whole process s | d/a | (b) heap growth MB "
            + "| (b) CPU µs/product | (d) peak RSS MB | (d) CPU µs/product | emulator CPU µs/product (a) / (b) / (c) / (d) | ok |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|");
        foreach (var r in results)
        {
            var w = r.WholeProcess;
            Console.WriteLine($"| {r.Size:N0} | {r.LatencyMs} ms | {r.Script.Rate:N0} | {r.Job.Rate:N0} | {r.Ceiling.Rate:N0} | {r.JobOverScript:0.00} | {r.JobOverCeiling:0.00} "
                + $"| {(w is null ? "-" : $"{w.Wall.TotalSeconds:0.00}")} | {(r.WholeRate is { } d ? $"{d / r.Script.Rate:0.00}" : "-")} | {r.JobHeapGrowthMb:0.0} "
                + $"| {r.JobCpuMicrosPerProduct:0} | {(w is null ? "-" : $"{w.PeakRssMb:0}")} | {(w is null ? "-" : $"{w.CpuSeconds * 1e6 / r.Size:0}")} "
                + $"| {r.Script.EmulatorMicros:0} / {r.Job.EmulatorMicros:0} / {r.Ceiling.EmulatorMicros:0} / {(w is null ? "-" : $"{w.EmulatorMicros:0}")} "
                + $"| {(r.JobSucceeded && w is null or { ExitCode: 0 } ? "yes" : "NO")} |");
        }
        Console.WriteLine("Targets: d/a >= 2.0 at 0 ms; b/c >= 0.9; peak memory of the job flat from 5,000 to 50,000 (growth < 20 %).");
    }
}
