using Benchmarks.Migration;
using CreatorPlatform.Benchmarks.Analytics;

// Each benchmark owns a folder; the first argument picks one.
return args.FirstOrDefault() switch
{
    "migration" => await MigrationBenchmark.RunAsync(args[1..]),
    "migration-probe" => await WritePathProbe.RunAsync(args[1..]),
    "analytics" => await AnalyticsBenchmark.RunAsync(args[1..]),
    "analytics-overview" => await OverviewBenchmark.RunAsync(args[1..]),
    "scale" => await CreatorPlatform.Benchmarks.Scale.ScaleBenchmark.RunAsync(args[1..]),
    "pages" => await CreatorPlatform.Benchmarks.Scale.PageLoadBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("usage: dotnet run -c Release --project tests/Benchmarks -- migration [--sizes 5000,50000] [--latencies 0,10] [--script-seconds 60]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- migration-probe [--size 3000] [--rounds 3]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- analytics [--events N] [--creators N] [--days N]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- analytics-overview [--creators 10000] [--days 90] [--latencies 0,10]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- scale [--creators 100,1000,10000] [--latencies 0,10] [--runs 5] [--walk-latencies 0] " +
        "[--walk-seconds N] [--seed-api]");
    Console.Error.WriteLine("       dotnet run -c Release --project tests/Benchmarks -- pages [--creators 100,1000] [--loads 20]");
    return 2;
}
