namespace Benchmarks.Migration;

/// <summary>
/// One size and round trip: (a) the script, (b) the job in process, (c) the emulator's ceiling, and (d) the whole `migrate`
/// process, cold, start-up and closing verification included (null when not measured).
/// </summary>
public sealed record ScenarioResult(int Size, int LatencyMs, Phase Script, Phase Job, Phase Ceiling, bool JobSucceeded, CliRun? WholeProcess = null,
    double JobHeapGrowthMb = 0, double JobCpuMicrosPerProduct = 0)
{
    /// <summary>Every whole-process variant's median run, with the ceiling of the write mode it used.</summary>
    public IReadOnlyList<VariantResult> Variants { get; init; } = [];
    public double SingleCeiling { get; init; }
    public double TransactionCeiling { get; init; }

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
        PrintVariants(results.ToList());
    }

    /// <summary>The whole `migrate` process per write mode (variant), beside the script and the ceiling of its own mode.</summary>
    private static void PrintVariants(IReadOnlyList<ScenarioResult> results)
    {
        if (results.All(r => r.Variants.Count == 0)) return;
        Console.WriteLine();
        Console.WriteLine("| products | RTT | variant | write mode | (a) script items/s | single ceiling items/s | transaction ceiling items/s | (d) whole process items/s | d/a "
            + "| d / own ceiling | d / single ceiling of its repeat | d / conditional single ceiling of its repeat | (d) s | (d) CPU µs/product | (d) emulator CPU µs/product |");
        Console.WriteLine("|---:|---:|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        foreach (var r in results)
            foreach (var v in r.Variants)
            {
                var rate = r.Size / v.Run.Wall.TotalSeconds;
                var paired = v.PairedSingleRatio is { } p ? $"{p:0.00}" : "-";
                var conditional = v.PairedConditionalRatio is { } c ? $"{c:0.00}" : "-";
                Console.WriteLine($"| {r.Size:N0} | {r.LatencyMs} ms | {v.Label} | {v.WriteMode} | {r.Script.Rate:N0} | {r.SingleCeiling:N0} | {r.TransactionCeiling:N0} | "
                    + $"{rate:N0} | {rate / r.Script.Rate:0.00} | {rate / v.CeilingRate:0.00} | {paired} | {conditional} | {v.Run.Wall.TotalSeconds:0.00} | "
                    + $"{v.Run.CpuSeconds * 1e6 / r.Size:0} | {v.Run.EmulatorMicros:0} |");
            }
        Console.WriteLine("Goals for the Single write mode: d/a >= 1.0 at 0 ms; d / own ceiling >= 0.9 at 10 ms.");
    }
}

/// <summary>One whole-process variant of a scenario: its median run and the ceiling of the write mode it used.</summary>
public sealed record VariantResult(string Label, string WriteMode, CliRun Run, double CeilingRate)
{
    /// <summary>The median, over repeats, of the process's rate over the single ceiling measured right after it in the same repeat.</summary>
    public double? PairedSingleRatio { get; init; }
    /// <summary>The same against the flood of the backfill's own conditional update, measured right after the single ceiling.</summary>
    public double? PairedConditionalRatio { get; init; }
}
