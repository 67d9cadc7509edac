namespace Benchmarks.Migration;

public sealed record ScenarioResult(int Size, int LatencyMs, Phase Script, Phase Job, Phase Ceiling, bool JobSucceeded)
{
    public double JobOverScript => Job.Rate / Script.Rate;
    public double JobOverCeiling => Job.Rate / Ceiling.Rate;

    public static void Print(IEnumerable<ScenarioResult> results)
    {
        Console.WriteLine();
        Console.WriteLine("| products | RTT | (a) script items/s | (b) job items/s | (c) ceiling items/s | b/a | b/c | (b) peak heap MB | (b) peak WS MB | job ok |");
        Console.WriteLine("|---:|---:|---:|---:|---:|---:|---:|---:|---:|:-:|");
        foreach (var r in results)
            Console.WriteLine($"| {r.Size:N0} | {r.LatencyMs} ms | {r.Script.Rate:N0} | {r.Job.Rate:N0} | {r.Ceiling.Rate:N0} | {r.JobOverScript:0.00} | {r.JobOverCeiling:0.00} "
                + $"| {r.Job.PeakManagedMb:0.0} | {r.Job.PeakWorkingSetMb:0} | {(r.JobSucceeded ? "yes" : "NO")} |");
        Console.WriteLine("Targets: b/a >= 2.5 at 0 ms and >= 30 at 10 ms; b/c >= 0.85; peak memory flat from 5,000 to 50,000.");
    }
}
