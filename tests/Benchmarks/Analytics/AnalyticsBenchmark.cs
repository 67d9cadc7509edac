using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Sandbox.Traffic;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Benchmarks.Analytics;

/// <summary>
/// Rebuild of the analytics summaries from N events (10 creators, 90 days) on DynamoDB Local in memory: the
/// job's rebuild against <see cref="NaiveRebuild"/>, in the same run, with events/s and peak managed heap.
/// </summary>
internal static class AnalyticsBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var events = Option(args, "--events", 100_000);
        var creators = (int)Option(args, "--creators", 10);
        var days = (int)Option(args, "--days", 90);
        var ct = CancellationToken.None;
        await using var emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            SandboxEmulators.FreePort(), SandboxEmulators.FreePort(), NullLogger.Instance, ct);
        await using var services = Services(emulators.Endpoints.DynamoDb.Port);
        global::Benchmarks.Migration.EmulatorCpu.Pid = emulators.ProcessIds[SandboxEmulators.DynamoDbName];
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var schema = services.GetRequiredService<PlatformSchema>();
        var runner = services.GetRequiredService<JobRunner>();
        Console.WriteLine($"Analytics rebuild benchmark: {events:N0} events, {creators} creators, {days} days, DynamoDB Local in memory, {Environment.ProcessorCount} cores");

        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.LegacyProducts), ct);
        // Every job's start is audited in the console's own table, as it is on the platform.
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.Ops), ct);
        await CreatorPlatform.Core.Aws.BatchWriter.PutAllAsync(dynamoDb, schema.Products.Name, LegacyProducts.Generate(300, 20261125), ct);
        var generator = services.GetRequiredService<SandboxTrafficGenerator>();
        var clock = Stopwatch.StartNew();
        var generate = await RunJobAsync(runner, SandboxTrafficGenerator.JobKind,
            job => generator.GenerateAsync(job, new TrafficRequest(events, days, creators, PlantDrift: false, WriteSummaries: false)));
        var written = generate.Counter("events");
        Console.WriteLine($"written:  {written:N0} events in {clock.Elapsed.TotalSeconds:0.0} s ({written / clock.Elapsed.TotalSeconds:N0} events/s, setup only)");

        var all = await services.GetRequiredService<AnalyticsCreators>().ListCreatorsAsync(ct);
        var range = DateRange.LastDays(days, DateRange.Today(TimeProvider.System));
        var naive = new NaiveRebuild(dynamoDb, schema.AnalyticsEvents.Name, schema.AnalyticsSummaries.Name);
        var rebuilder = services.GetRequiredService<AnalyticsRebuilder>();
        var scope = new AnalyticsScope(null, range);
        // Warm-up on three days, so that neither side pays for JIT or the emulator's first queries.
        await naive.RunAsync(all, DateRange.LastDays(3, range.To), ct);
        await RunJobAsync(runner, AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope with { Range = DateRange.LastDays(3, range.To) }, "benchmark"));

        await ResetSummariesAsync(dynamoDb, schema, ct);
        var (naiveEvents, naiveTime, naivePeak, naiveCpu) = await MeasureAsync(() => naive.RunAsync(all, range, ct));
        var naiveTable = await DumpAsync(dynamoDb, schema, ct);
        await ResetSummariesAsync(dynamoDb, schema, ct);
        var (jobEvents, jobTime, jobPeak, jobCpu) = await MeasureAsync(async () =>
            (await RunJobAsync(runner, AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope, "benchmark"))).Counter("events"));
        var jobTable = await DumpAsync(dynamoDb, schema, ct);

        Report("naive", naiveEvents, naiveTime, naivePeak, naiveCpu);
        Report("rebuild", jobEvents, jobTime, jobPeak, jobCpu);
        Console.WriteLine($"speed-up: {naiveTime / jobTime:0.0}x · summaries written: {jobTable.Count} · identical to naive: " +
            $"{(naiveTable.SequenceEqual(jobTable) ? "yes" : "NO")}");
        return naiveTable.SequenceEqual(jobTable) && naiveEvents == jobEvents ? 0 : 1;
    }

    /// <summary>The work's events, wall time, managed heap growth, and the CPU seconds of the emulator and of this process.</summary>
    private static async Task<(long Events, TimeSpan Time, double PeakMb, (double Emulator, double Client) Cpu)> MeasureAsync(Func<Task<long>> work)
    {
        await using var memory = new MemorySampler();
        var (emulator, client) = (global::Benchmarks.Migration.EmulatorCpu.Seconds(), Process.GetCurrentProcess().TotalProcessorTime);
        var clock = Stopwatch.StartNew();
        var events = await work();
        var cpu = (global::Benchmarks.Migration.EmulatorCpu.Seconds() - emulator, (Process.GetCurrentProcess().TotalProcessorTime - client).TotalSeconds);
        return (events, clock.Elapsed, memory.ManagedGrowthMb, cpu);
    }

    private static void Report(string name, long events, TimeSpan time, double peakMb, (double Emulator, double Client) cpu) =>
        Console.WriteLine($"{name,-8}  {events:N0} events in {time.TotalSeconds:0.0} s = {events / time.TotalSeconds,8:N0} events/s · peak managed heap +{peakMb:0.0} MB"
            + $" · CPU per event: emulator {cpu.Emulator * 1e6 / events:0.0} µs ({cpu.Emulator / time.TotalSeconds:0.00} cores busy),"
            + $" this process {cpu.Client * 1e6 / events:0.0} µs ({cpu.Client / time.TotalSeconds:0.00} cores)");

    private static async Task<JobRun> RunJobAsync(JobRunner runner, string kind, Func<JobContext, Task> work)
    {
        var run = runner.Start(kind, kind, work);
        await run.Completion;
        if (run.State != JobState.Succeeded) throw new InvalidOperationException($"{kind} ended {run.State}: {run.Error}");
        return run;
    }

    private static async Task ResetSummariesAsync(IAmazonDynamoDB dynamoDb, PlatformSchema schema, CancellationToken ct)
    {
        await dynamoDb.DeleteTableAsync(schema.AnalyticsSummaries.Name, ct);
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.AnalyticsSummaries), ct);
    }

    private static async Task<List<string>> DumpAsync(IAmazonDynamoDB dynamoDb, PlatformSchema schema, CancellationToken ct)
    {
        var items = (await dynamoDb.ScanAsync(new ScanRequest { TableName = schema.AnalyticsSummaries.Name }, ct)).Items ?? [];
        return items.Select(DailySummaryMapper.FromItem).Select(s => $"{s.CreatorId} {s.Date} {s.Totals} {string.Join(",", s.TopProducts)}").Order(StringComparer.Ordinal).ToList();
    }

    private static ServiceProvider Services(int dynamoDbPort)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:DynamoDbPort"] = dynamoDbPort.ToString(),
        }).Build();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCore(configuration).AddSandbox()
            // The benchmark acts as an operator, as the CLI does: jobs demand an admin and audit who ran them.
            .AddSingleton<CreatorPlatform.Core.Security.ICurrentActor>(new
                CreatorPlatform.Core.Security.FixedActor(CreatorPlatform.Core.Security.Actor.Operator(null))).BuildServiceProvider();
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], out var value) ? value : fallback;
    }
}
