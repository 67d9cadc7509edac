using CreatorPlatform.Core;
using CreatorPlatform.Benchmarks;
using CreatorPlatform.Core.Creators;
using System.Diagnostics;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;

namespace Benchmarks.Migration;

/// <summary>
/// The migration's benchmark on one in-memory DynamoDB Local: (a) the original script, (b) our migration job, (c) the
/// emulator's write ceiling, per table size and simulated round trip, with items/s, ratios and peak memory.
/// </summary>
public static class MigrationBenchmark
{
    private static readonly int[] CeilingCandidates = [8, 16, 32, 64, 128];

    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = List(args, "--sizes", [5_000, 50_000]);
        var latencies = List(args, "--latencies", [0, 10]);
        var budget = TimeSpan.FromSeconds(List(args, "--script-seconds", [60])[0]);
        var repeat = List(args, "--repeat", [1])[0];
        var wholeProcess = !args.Contains("--no-process");
        var variants = Array.IndexOf(args, "--variants");
        if (variants >= 0 && variants + 1 < args.Length)
            Variants = args[variants + 1].Split('|').Select(v => (v, v == "base" ? new Dictionary<string, string>()
                : v.Split(',').Select(kv => kv.Split('=', 2)).ToDictionary(kv => kv[0], kv => kv[1]))).ToList();
        Console.WriteLine($"Migration benchmark: sizes {string.Join(", ", sizes)}; latencies {string.Join(", ", latencies)} ms; script budget {budget.TotalSeconds:0} s; "
            + $"{Environment.ProcessorCount} cores; {(Debugger.IsAttached ? "debugger" : "no debugger")}");
        var (dynamoPort, cognitoPort) = (SandboxEmulators.FreePort(), SandboxEmulators.FreePort());
        await using var emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            dynamoPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false);
        EmulatorCpu.Pid = emulators.ProcessIds[SandboxEmulators.DynamoDbName];
        // The first concurrent phase of a process runs on code the JIT has not optimised yet (tiered compilation), which
        // cost the first measured scenario about half its rate: one small scenario first, its figures discarded.
        Console.WriteLine("\n== warm-up: 2,000 products, 0 ms (discarded) ==");
        await RunScenarioAsync(dynamoPort, cognitoPort, 2_000, TimeSpan.Zero, TimeSpan.FromSeconds(5), 1, wholeProcess: false);
        await WarmEmulatorAsync(dynamoPort, cognitoPort);
        var results = new List<ScenarioResult>();
        var ok = true;
        foreach (var latency in latencies)
            foreach (var size in sizes)
            {
                Console.WriteLine($"\n== {size:N0} products, {latency} ms round trip ==");
                var result = await RunScenarioAsync(dynamoPort, cognitoPort, size, TimeSpan.FromMilliseconds(latency), budget, repeat, wholeProcess);
                ok &= result.JobSucceeded && result.WholeProcess is null or { ExitCode: 0 };
                results.Add(result);
            }
        ScenarioResult.Print(results);
        return ok ? 0 : 1;
    }

    /// <summary>
    /// DynamoDB Local's JVM keeps getting faster over its first tens of thousands of writes (the single ceiling rose from 3,551
    /// to 4,126/s over one run, and the second of two identical children was 11-16 % faster): floods of 10,000 single
    /// updates until two in a row are within 5 % of each other (at most 15), so that what follows compares like with like.
    /// </summary>
    private static async Task WarmEmulatorAsync(int dynamoPort, int cognitoPort)
    {
        await using var world = await BenchWorld.CreateAsync(dynamoPort, cognitoPort, TimeSpan.Zero);
        var ids = await world.SeedAsync(10_000);
        var previous = 0.0;
        for (var round = 1; round <= 15; round++)
        {
            var rate = await WriteCeiling.FloodAsync(world.DynamoDb, world.Products, ids, 64);
            Console.WriteLine($"  emulator warm-up {round}: {rate:N0} single updates/s");
            if (Math.Abs(rate - previous) < 0.05 * rate) return;
            previous = rate;
        }
    }

    private static async Task<ScenarioResult> RunScenarioAsync(int dynamoPort, int cognitoPort, int size, TimeSpan latency, TimeSpan budget, int repeat = 1,
        bool wholeProcess = true)
    {
        await using var world = await BenchWorld.CreateAsync(dynamoPort, cognitoPort, latency);
        await using var proxy = latency > TimeSpan.Zero ? new LatencyProxy(dynamoPort, latency) : null;
        var seed = Stopwatch.StartNew();
        var ids = await world.SeedAsync(size);
        Console.WriteLine($"  seeded in {seed.Elapsed.TotalSeconds:0.0} s");

        // (a) and (d) alternate, so that the machine's other load falls on both alike; each figure is the median.
        var scripts = new List<Phase>();
        var clis = new List<CliRun>();
        var byVariant = Variants.ToDictionary(v => v.Label, _ => new List<CliRun>());
        // DynamoDB Local gets faster as its JVM warms, and the ceiling below is measured after everything else: each repeat
        // also floods single updates right after its processes, at their concurrency, for a ratio taken at the same time.
        var pairedCeilings = new List<double>();
        var pairedConditional = new List<double>();
        for (var r = 0; r < repeat; r++)
        {
            if (r > 0) await world.SeedAsync(size);
            var memory = new MemorySampler();
            var emulatorBefore = EmulatorCpu.Seconds();
            var (items, elapsed, complete) = await OriginalScript.RunAsync(world.DynamoDb, world.Products, "script-creator", budget);
            await memory.DisposeAsync();
            var script = new Phase(items / elapsed.TotalSeconds, memory, complete ? $"{items:N0} items" : $"{items:N0} of {size:N0} items in the {budget.TotalSeconds:0} s budget")
                { EmulatorMicros = EmulatorCpu.MicrosPerProduct(emulatorBefore, items) };
            scripts.Add(script);
            Console.WriteLine($"  (a) original script: {script.Rate:N0} items/s ({script.Note}; emulator CPU {script.EmulatorMicros:0} µs/product)");
            if (!wholeProcess) continue;
            // The emulator still warms during a run (the second of two identical children was 11-16 % faster, on less
            // emulator CPU per product): each repeat starts with the next variant, so that each goes first as often.
            foreach (var (label, env) in Variants.Skip(r % Variants.Count).Concat(Variants.Take(r % Variants.Count)))
            {
                await world.SeedAsync(size);
                var cliEmulator = EmulatorCpu.Seconds();
                var cli = await CliProcess.MigrateAsync(proxy?.Port ?? dynamoPort, world.TableSettings, env);
                cli = cli with { EmulatorMicros = EmulatorCpu.MicrosPerProduct(cliEmulator, size) };
                if (label == Variants[0].Label) clis.Add(cli);
                byVariant[label].Add(cli);
                Console.WriteLine($"  (d) whole process{(Variants.Count > 1 ? $" [{label}]" : "")}: {size / cli.Wall.TotalSeconds:N0} items/s "
                    + $"(exit {cli.ExitCode}, {cli.Wall.TotalSeconds:0.00} s: start-up {cli.StartUp?.TotalSeconds:0.00} s, "
                    + $"job {cli.Job?.TotalSeconds:0.00} s; peak RSS {cli.PeakRssMb:0} MB; CPU {cli.CpuSeconds:0.00} s = {cli.CpuSeconds * 1e6 / size:0} µs/product; "
                    + $"emulator CPU {cli.EmulatorMicros:0} µs/product)");
                if (cli.ExitCode != 0 || cli.Updated != size) Console.WriteLine("      " + cli.Tail.Replace("\n", "\n      "));
            }
            await world.SeedAsync(size);
            var concurrency = world.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CreatorPlatform.Core.PlatformOptions>>().Value.Migration.MaxConcurrency;
            // Through the child's own path: with a round trip, the TCP proxy whose copying shares the cores (the world's own
            // client delays in its HTTP handler instead, which let the flood reach about 1.15x what the proxy allows).
            using var childPath = proxy is null ? null : world.ClientAt(proxy.Port);
            var paired = await WriteCeiling.FloodAsync(childPath ?? world.DynamoDb, world.Products, ids.Take(10_000).ToList(), concurrency);
            pairedCeilings.Add(paired);
            Console.WriteLine($"  (c) single ceiling right after, at the processes' concurrency, on their path: {paired:N0} items/s");
            // The same flood with the backfill's own conditional update (never replacing a value that is there): what the
            // emulator's condition costs, apart from what the job does around its writes (the scan, journal, checkpoints).
            await world.SeedAsync(size);
            var now = DateTime.UtcNow.ToString("o");
            var conditional = await WriteCeiling.FloodAsync(childPath ?? world.DynamoDb, world.Products, ids.Take(10_000).ToList(), concurrency,
                id => CreatorPlatform.Core.Migration.ProductUpdate.Request(world.Products, id, "ceiling", now));
            pairedConditional.Add(conditional);
            Console.WriteLine($"  (c) conditional single ceiling right after, the backfill's own update: {conditional:N0} items/s");
        }
        var scriptPhase = scripts.OrderBy(p => p.Rate).ElementAt(scripts.Count / 2);

        await world.SeedAsync(size);
        var job = world.Services.GetRequiredService<MigrationJob>();
        var jobMemory = new MemorySampler();
        var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
        var jobEmulator = EmulatorCpu.Seconds();
        var run = world.Services.GetRequiredService<JobRunner>().Start(MigrationJob.JobKind, "Migration", job.RunAsync);
        await run.Completion;
        var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
        var jobEmulatorMicros = EmulatorCpu.MicrosPerProduct(jobEmulator, size);
        await jobMemory.DisposeAsync();
        var backfill = Between(run, "Step 2:", "✓ Product backfill complete:");
        var ours = new Phase(size / backfill.TotalSeconds, jobMemory,
            $"{run.State}, updated {run.Counter("updated"):N0}, backfill {backfill.TotalSeconds:0.00} s, whole job with verify {run.Elapsed.TotalSeconds:0.00} s, "
            + $"heap growth {jobMemory.ManagedGrowthMb:0.0} MB (live after a full GC {jobMemory.RetainedMb:0.0} MB), "
            + $"CPU {cpu.TotalMicroseconds / size:0} µs/product, emulator CPU {jobEmulatorMicros:0} µs/product with verify")
            { EmulatorMicros = jobEmulatorMicros };
        Console.WriteLine($"  (b) migration job:   {ours.Rate:N0} items/s ({ours.Note})");
        if (Environment.GetEnvironmentVariable("BENCH_LOG") is not null)
            foreach (var l in run.Log) Console.WriteLine($"      {(l.At - run.StartedAt).TotalMilliseconds,7:0} ms  {l.Message}");
        if (run.State != JobState.Succeeded) Console.WriteLine(string.Join('\n', run.Log.TakeLast(10).Select(l => "      " + l.Message)));

        // Each probe writes its own slice of fresh products; the floods then write a fresh stretch of at most 10,000 of them
        // (the rate is the same over any stretch). The job is measured against the ceiling of the write mode it used.
        await world.SeedAsync(size);
        var best = await WriteCeiling.BestAsync(world.DynamoDb, world.Products, ids, CeilingCandidates, Math.Min(2_000, size / CeilingCandidates.Length));
        var stretch = ids.Take(10_000).ToList();
        await world.SeedAsync(size);
        var memory2 = new MemorySampler();
        var singleEmulator = EmulatorCpu.Seconds();
        var rate = await WriteCeiling.FloodAsync(world.DynamoDb, world.Products, stretch, best.Concurrency);
        await memory2.DisposeAsync();
        var single = new Phase(rate, memory2, $"one UpdateItem each, concurrency {best.Concurrency}")
            { EmulatorMicros = EmulatorCpu.MicrosPerProduct(singleEmulator, stretch.Count) };
        Console.WriteLine($"  (c) write ceiling:   {single.Rate:N0} items/s ({single.Note})");
        if (proxy is not null)
        {
            // The whole-process child reaches the emulator through the TCP proxy, whose copying runs on the same cores; the ceiling
            // above delays in its HTTP handler instead. The same flood through the proxy says what that path allows.
            await world.SeedAsync(size);
            using var viaProxy = world.ClientAt(proxy.Port);
            var proxied = await WriteCeiling.FloodAsync(viaProxy, world.Products, stretch, best.Concurrency);
            Console.WriteLine($"  (c) write ceiling through the child's proxy: {proxied:N0} items/s (one UpdateItem each, concurrency {best.Concurrency})");
        }
        var mode = CreatorPlatform.Core.Migration.BackfillWriteModes.Effective(
            world.Services.GetRequiredService<Microsoft.Extensions.Options.IOptions<CreatorPlatform.Core.PlatformOptions>>().Value);
        // Both ceilings, always: each whole-process variant is measured against the ceiling of the write mode it used.
        await world.SeedAsync(size);
        var txEmulator = EmulatorCpu.Seconds();
        var tx = await WriteCeiling.FloodTransactionsAsync(world.DynamoDb, world.Products, stretch, 8, 100);
        var transactions = new Phase(tx, memory2, "TransactWriteItems of 100, 8 in flight") { EmulatorMicros = EmulatorCpu.MicrosPerProduct(txEmulator, stretch.Count) };
        Console.WriteLine($"  (c) transaction ceiling: {tx:N0} items/s ({transactions.Note}; emulator CPU {transactions.EmulatorMicros:0} µs/product)");
        var ceiling = mode == CreatorPlatform.Core.Migration.BackfillWriteMode.Transaction ? transactions : single;
        var whole = clis.Count == 0 ? null : clis.OrderBy(c => c.Wall).ElementAt(clis.Count / 2);
        var variants = byVariant.Where(v => v.Value.Count > 0).Select(v =>
        {
            var median = v.Value.OrderBy(c => c.Wall).ElementAt(v.Value.Count / 2);
            var writeMode = Variants.First(x => x.Label == v.Key).Env.GetValueOrDefault("Platform__Migration__WriteMode", "Transaction");
            var ratios = v.Value.Select((run, r) => size / run.Wall.TotalSeconds / pairedCeilings[r]).Order().ToList();
            var conditional = v.Value.Select((run, r) => size / run.Wall.TotalSeconds / pairedConditional[r]).Order().ToList();
            return new VariantResult(v.Key, writeMode, median, writeMode == "Single" ? single.Rate : tx)
            {
                PairedSingleRatio = ratios.Count == 0 ? null : ratios[ratios.Count / 2],
                PairedConditionalRatio = conditional.Count == 0 ? null : conditional[conditional.Count / 2],
            };
        }).ToList();
        return new ScenarioResult(size, (int)latency.TotalMilliseconds, scriptPhase, ours, ceiling, run.State == JobState.Succeeded && run.Counter("updated") == size,
            whole, jobMemory.ManagedGrowthMb, cpu.TotalMicroseconds / size) { Variants = variants, SingleCeiling = single.Rate, TransactionCeiling = tx };
    }

    /// <summary>
    /// The child's environment variants (--variants "base|DOTNET_TieredPGO=0|A=1,B=2"), each run once per repeat right after
    /// the script; the first is the one the table reports. For trying runtime settings on the same emulator in the same run.
    /// </summary>
    private static List<(string Label, Dictionary<string, string> Env)> Variants = [("base", new())];

    private static TimeSpan Between(JobRun run, string from, string to)
    {
        var log = run.Log;
        var start = log.FirstOrDefault(l => l.Message.StartsWith(from, StringComparison.Ordinal))?.At ?? run.StartedAt;
        var end = log.FirstOrDefault(l => l.Message.StartsWith(to, StringComparison.Ordinal))?.At ?? run.EndedAt ?? DateTimeOffset.UtcNow;
        return end - start;
    }

    private static int[] List(string[] args, string name, int[] fallback)
    {
        var at = Array.IndexOf(args, name);
        return at >= 0 && at + 1 < args.Length ? args[at + 1].Split(',').Select(int.Parse).ToArray() : fallback;
    }
}

public sealed record Phase(double Rate, double PeakManagedMb, double PeakWorkingSetMb, string Note)
{
    /// <summary>DynamoDB Local's CPU per product while the phase ran (<see cref="EmulatorCpu"/>).</summary>
    public double EmulatorMicros { get; init; }

    public Phase(double rate, MemorySampler memory, string note) : this(rate, memory.PeakManagedMb, memory.PeakWorkingSetMb, note) { }
}
