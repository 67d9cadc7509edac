using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Benchmarks.Analytics;

/// <summary>
/// The platform overview for N creators × D days of summaries on DynamoDB Local in memory: read from the rollups (one
/// GetItem and a few BatchGetItems) against the direct per-creator reads (the creators' list, then one Query per creator),
/// in the same run, at each simulated round trip. Summaries are seeded with batch writes; the rollup is written by the
/// rebuild's own rollup step.
/// </summary>
internal static class OverviewBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var creators = (int)Option(args, "--creators", 10_000);
        var days = (int)Option(args, "--days", 90);
        var latencies = (args.SkipWhile(a => a != "--latencies").Skip(1).FirstOrDefault() ?? "0,10").Split(',').Select(int.Parse).ToArray();
        var ct = CancellationToken.None;
        await using var emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            SandboxEmulators.FreePort(), SandboxEmulators.FreePort(), NullLogger.Instance, ct);
        var port = emulators.Endpoints.DynamoDb.Port;
        var prefix = $"ov{Guid.NewGuid():N}"[..10];
        await using var setup = Services(port, prefix, TimeSpan.Zero);
        var dynamoDb = setup.GetRequiredService<IAmazonDynamoDB>();
        var schema = setup.GetRequiredService<PlatformSchema>();
        Console.WriteLine($"Overview benchmark: {creators:N0} creators × {days} days of summaries, DynamoDB Local in memory, {Environment.ProcessorCount} cores");
        foreach (var spec in new[] { schema.Creators, schema.AnalyticsEvents, schema.AnalyticsSummaries, schema.Ops })
            await dynamoDb.CreateTableAsync(TableRequests.Create(spec), ct);

        var clock = Stopwatch.StartNew();
        var today = DateRange.Today(TimeProvider.System);
        var ids = Enumerable.Range(0, creators).Select(i => (Id: $"creator-{i:D6}", Slug: $"creator-{i:D6}")).ToList();
        await Parallel.ForEachAsync(ids.Chunk(25), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (chunk, token) =>
            await BatchWriter.PutAllAsync(dynamoDb, schema.Creators.Name, chunk.Select(c => new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = c.Id }, ["slug"] = new() { S = c.Slug }, ["displayName"] = new() { S = $"Creator {c.Slug[8..]}" }, ["status"] = new() { S = "active" },
            }), token));
        long seeded = 0;
        await Parallel.ForEachAsync(ids, new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (c, token) =>
        {
            var random = new Random(c.Id.GetHashCode());
            var summaries = Enumerable.Range(0, days).Select(back => new DailySummary(c.Id, today.AddDays(-back), random.Next(200), random.Next(80), random.Next(10),
                [new ProductCount($"p{random.Next(300)}", 3, 1)]));
            await setup.GetRequiredService<AnalyticsStore>().PutSummariesAsync(summaries, token);
            if (Interlocked.Add(ref seeded, days) % 100_000 < days) Console.WriteLine($"  seeded {seeded:N0} summaries in {clock.Elapsed.TotalSeconds:0} s");
        });
        Console.WriteLine($"seed:     {seeded:N0} summaries and {creators:N0} creators in {clock.Elapsed.TotalSeconds:0.0} s (batch writes, 8 at a time; setup only)");

        clock.Restart();
        var rollup = await setup.GetRequiredService<AnalyticsRollups>().RefreshAsync(null, ct, "benchmark");
        Console.WriteLine($"rollup:   {rollup.Creators.Count:N0} creators rolled up in {clock.Elapsed.TotalSeconds:0.0} s (the rebuild's last step, 0 ms round trip)");

        var range = DateRange.For(RangePreset.Last90, today);
        var ok = true;
        Console.WriteLine("\n| round trip | overview from rollups | direct per-creator reads | requests (rollup / direct) | same figures |");
        Console.WriteLine("| --- | --- | --- | --- | --- |");
        foreach (var latency in latencies)
        {
            await using var measured = Services(port, prefix, TimeSpan.FromMilliseconds(latency));
            var counter = measured.GetRequiredService<RequestCounter>();
            var queries = measured.GetRequiredService<AnalyticsQueries>();
            await queries.GetOverviewAsync(range, ct);
            var (rolled, rollupTime, rollupRequests) = await TimeAsync(counter, () => queries.GetOverviewAsync(range, ct), repeat: 5);
            var (direct, directTime, directRequests) = await TimeAsync(counter, () => queries.GetOverviewDirectAsync(range, ct), repeat: 1);
            var same = rolled.Rollup?.Used == true && rolled.Current == direct.Current && rolled.Previous == direct.Previous
                && rolled.Creators.SequenceEqual(direct.Creators) && rolled.Series.SequenceEqual(direct.Series);
            ok &= same;
            Console.WriteLine($"| {latency} ms | {rollupTime.TotalMilliseconds:N0} ms | {directTime.TotalMilliseconds:N0} ms | {rollupRequests:N0} / {directRequests:N0} | " +
                $"{(same ? "yes" : "NO")} |");
        }
        return ok ? 0 : 1;
    }

    /// <summary>The median of <paramref name="repeat"/> runs, and the requests one run sends.</summary>
    private static async Task<(PlatformOverview Result, TimeSpan Median, long Requests)> TimeAsync(RequestCounter counter, Func<Task<PlatformOverview>> read, int repeat)
    {
        var times = new List<TimeSpan>();
        PlatformOverview? result = null;
        long requests = 0;
        for (var i = 0; i < repeat; i++)
        {
            var before = counter.Count;
            var clock = Stopwatch.StartNew();
            result = await read();
            times.Add(clock.Elapsed);
            requests = counter.Count - before;
        }
        return (result!, times.Order().ElementAt(times.Count / 2), requests);
    }

    private static ServiceProvider Services(int port, string prefix, TimeSpan latency)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox", ["Platform:Sandbox:InMemory"] = "true", ["Platform:Sandbox:DynamoDbPort"] = port.ToString(),
            ["Platform:Tables:Creators"] = $"{prefix}-Creators", ["Platform:Tables:AnalyticsEvents"] = $"{prefix}-Events",
            ["Platform:Tables:AnalyticsSummaries"] = $"{prefix}-Summaries", ["Platform:Tables:Ops"] = $"{prefix}-Ops", ["Platform:Tables:Products"] = $"{prefix}-Products",
        }).Build();
        var counter = new RequestCounter();
        return new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCore(configuration)
            .AddSingleton<CreatorPlatform.Core.Security.ICurrentActor>(new CreatorPlatform.Core.Security.FixedActor(CreatorPlatform.Core.Security.Actor.Operator(null)))
            .AddSingleton(counter)
            .AddSingleton<IAmazonDynamoDB>(sp =>
            {
                var config = sp.GetRequiredService<AwsContext>().DynamoDbConfig();
                config.HttpClientFactory = new HandlerFactory(new DelayAndCount(latency, counter));
                return new AmazonDynamoDBClient(sp.GetRequiredService<AwsContext>().Credentials, config);
            })
            .BuildServiceProvider();
    }

    private static long Option(string[] args, string name, long fallback)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length && long.TryParse(args[i + 1], out var value) ? value : fallback;
    }

    internal sealed class RequestCounter
    {
        private long count;
        public long Count => Interlocked.Read(ref count);
        public void Add() => Interlocked.Increment(ref count);
    }

    /// <summary>A network round trip, simulated: every request waits before it is sent, and is counted.</summary>
    private sealed class DelayAndCount(TimeSpan delay, RequestCounter counter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            counter.Add();
            if (delay > TimeSpan.Zero) await Task.Delay(delay, ct);
            return await base.SendAsync(request, ct);
        }
    }

    private sealed class HandlerFactory(DelegatingHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            handler.InnerHandler ??= new SocketsHttpHandler();
            return new HttpClient(handler, disposeHandler: false);
        }
    }
}
