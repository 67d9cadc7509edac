using Benchmarks.Migration;
using CreatorPlatform.Benchmarks.Analytics;

// Each benchmark owns a folder; the first argument picks one. Its options are checked before anything starts: a
// mistyped one (or --help) is refused with the usage, instead of a run of many minutes with the defaults.
var options = new Dictionary<string, (string[] Valued, string[] Flags)>
{
    ["migration"] = (["--sizes", "--latencies", "--script-seconds", "--repeat", "--variants"], ["--no-process"]),
    ["migration-probe"] = (["--size", "--rounds"], []),
    ["analytics"] = (["--events", "--creators", "--days"], []),
    ["analytics-overview"] = (["--creators", "--days", "--latencies"], []),
    ["scale"] = (["--creators", "--latencies", "--runs", "--walk-latencies", "--walk-seconds"], ["--seed-api"]),
    ["pages"] = (["--creators", "--loads", "--latencies", "--job-seconds", "--other-users", "--products-per-creator"], []),
};
if (args.Length == 0 || !options.TryGetValue(args[0], out var known)) return Usage(null);
for (var i = 1; i < args.Length; i++)
{
    if (known.Flags.Contains(args[i])) continue;
    if (!known.Valued.Contains(args[i])) return Usage($"{args[0]} has no option {args[i]}.");
    if (++i >= args.Length) return Usage($"{args[i - 1]} needs a value.");
}
return args[0] switch
{
    "migration" => await MigrationBenchmark.RunAsync(args[1..]),
    "migration-probe" => await WritePathProbe.RunAsync(args[1..]),
    "analytics" => await AnalyticsBenchmark.RunAsync(args[1..]),
    "analytics-overview" => await OverviewBenchmark.RunAsync(args[1..]),
    "scale" => await CreatorPlatform.Benchmarks.Scale.ScaleBenchmark.RunAsync(args[1..]),
    "pages" => await CreatorPlatform.Benchmarks.Scale.PageLoadBenchmark.RunAsync(args[1..]),
    _ => Usage(null),
};

static int Usage(string? error)
{
    if (error is not null) Console.Error.WriteLine(error);
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- migration [--sizes 5000,50000] [--latencies 0,10] [--script-seconds 60] " +
        "[--repeat N] [--variants \"base|NAME=VALUE\"] [--no-process]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- migration-probe [--size 3000] [--rounds 3]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- analytics [--events N] [--creators N] [--days N]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- analytics-overview [--creators 10000] [--days 90] [--latencies 0,10]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- scale [--creators 100,1000,10000] [--latencies 0,10] [--runs 5] [--walk-latencies 0] " +
        "[--walk-seconds N] [--seed-api]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- pages [--creators 100,1000] [--loads 20] [--latencies 0,10] [--job-seconds N] " +
        "[--other-users N] [--products-per-creator 3]");
    return 2;
}
