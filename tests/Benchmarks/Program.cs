using CreatorPlatform.Benchmarks.Analytics;

// One entry per benchmark: `dotnet run -c Release --project tests/Benchmarks -- <name> [options]`.
return args.FirstOrDefault() switch
{
    "analytics" => await AnalyticsBenchmark.RunAsync(args[1..]),
    _ => Usage(),
};

static int Usage()
{
    Console.Error.WriteLine("Usage: dotnet run -c Release --project tests/Benchmarks -- analytics [--events N] [--creators N] [--days N]");
    return 2;
}
