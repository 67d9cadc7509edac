using System.Diagnostics;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Scale;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Benchmarks.Scale;

/// <summary>
/// Every screen's first-view reads and the platform walk at growing numbers of creators (each linked to a Cognito user
/// of its own, in the Creators group, with three products), on DynamoDB Local and cognito-local in memory: requests per
/// service, and the median and slowest of several views, at each simulated round trip (a delay before each request,
/// for both services). One world grows from size to size; seeding uses batch writes and parallel admin calls. After each
/// seeding the analytics rebuild runs, as the schedule does, so the Analytics page reads rollups as it would in service.
/// </summary>
internal static class ScaleBenchmark
{
    public static async Task<int> RunAsync(string[] args)
    {
        var sizes = List(args, "--creators", "100,1000");
        var latencies = List(args, "--latencies", "0,10");
        var runs = List(args, "--runs", "5")[0];
        // The walk is the slow part (every creator, a sign-in each, which makes cognito-local rewrite its pool file): it can
        // be limited to some round trips and a time budget, after which it is stopped and its pace reported.
        var walkLatencies = List(args, "--walk-latencies", string.Join(',', latencies));
        var walkSeconds = List(args, "--walk-seconds", "0")[0];
        var throughApi = args.Contains("--seed-api");
        var ct = CancellationToken.None;
        await using var emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            SandboxEmulators.FreePort(), SandboxEmulators.FreePort(), NullLogger.Instance, ct);
        var ports = (emulators.Endpoints.DynamoDb.Port, emulators.Endpoints.Cognito.Port);
        var prefix = $"sc{Guid.NewGuid():N}"[..10];
        string poolId;
        await using (var bootstrap = Services(ports, prefix, null, TimeSpan.Zero, new Counter()))
            poolId = (await bootstrap.GetRequiredService<ICognitoClient>().CreateUserPoolAsync(new() { PoolName = "scale", AliasAttributes = ["email"] }, ct)).UserPool!.Id!;
        await using var setup = Services(ports, prefix, poolId, TimeSpan.Zero, new Counter());
        var schemaRun = setup.GetRequiredService<JobRunner>().Start(SchemaApplier.JobKind, "schema", setup.GetRequiredService<SchemaApplier>().ApplyAsync);
        await schemaRun.Completion;
        await setup.GetRequiredService<CreatorsGroupService>().EnsureAsync(ct);
        await setup.GetRequiredService<SandboxSignIn>().ClientIdAsync(poolId, ct);
        Console.WriteLine($"Scale benchmark: {string.Join(", ", sizes)} creators, round trips {string.Join(", ", latencies)} ms, {runs} views each, "
            + $"{Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
        Console.WriteLine("\n| creators | round trip | view | requests (DynamoDB / Cognito) | median | slowest |");
        Console.WriteLine("| ---: | ---: | --- | --- | ---: | ---: |");
        var seeded = 0;
        foreach (var size in sizes)
        {
            var clock = Stopwatch.StartNew();
            await ScaleSeed.AddCreatorsAsync(setup, poolId, seeded, size, 16, throughApi ? null : emulators, ct: ct);
            Console.Error.WriteLine($"seeded {size - seeded:N0} creators and users in {clock.Elapsed.TotalSeconds:N0} s " +
                $"({(throughApi ? "cognito-local's API" : "its pool file")})");
            seeded = size;
            clock.Restart();
            var today = CreatorPlatform.Core.Analytics.DateRange.Today(TimeProvider.System);
            var scope = new CreatorPlatform.Core.Analytics.AnalyticsScope(null, CreatorPlatform.Core.Analytics.DateRange.LastDays(2, today));
            var rebuild = setup.GetRequiredService<JobRunner>().Start(CreatorPlatform.Core.Analytics.AnalyticsRebuilder.JobKind, "rebuild",
                job => setup.GetRequiredService<CreatorPlatform.Core.Analytics.AnalyticsRebuilder>().RebuildAsync(job, scope, "benchmark"));
            await rebuild.Completion;
            Console.WriteLine($"| {size:N0} | 0 ms | analytics rebuild of today and yesterday (the schedule's job; writes the rollups) | | {clock.Elapsed.TotalSeconds:N1} s | " +
                $"{rebuild.State} |");
            foreach (var latency in latencies)
            {
                var counter = new Counter();
                await using var console = Services(ports, prefix, poolId, TimeSpan.FromMilliseconds(latency), counter);
                if (walkLatencies.Contains(latency)) await WalkAsync(console, counter, size, latency, walkSeconds);
                foreach (var (name, read) in ScreenReads.All)
                {
                    await read(console);
                    var times = new List<double>();
                    var (d, c) = (0L, 0L);
                    for (var i = 0; i < runs; i++)
                    {
                        var (d0, c0) = (counter.DynamoDb, counter.Cognito);
                        clock.Restart();
                        await read(console);
                        times.Add(clock.Elapsed.TotalMilliseconds);
                        (d, c) = (counter.DynamoDb - d0, counter.Cognito - c0);
                    }
                    times.Sort();
                    Console.WriteLine($"| {size:N0} | {latency} ms | {name} | {d:N0} / {c:N0} | {times[times.Count / 2]:N0} ms | {times[^1]:N0} ms |");
                }
            }
        }
        return 0;
    }

    private static async Task WalkAsync(ServiceProvider console, Counter counter, int size, int latency, int budgetSeconds)
    {
        var clock = Stopwatch.StartNew();
        var runner = console.GetRequiredService<JobRunner>();
        var walk = runner.Start(PlatformWalk.JobKind, PlatformWalk.Title, console.GetRequiredService<PlatformWalk>().RunAsync);
        if (budgetSeconds > 0 && await Task.WhenAny(walk.Completion, Task.Delay(TimeSpan.FromSeconds(budgetSeconds))) != walk.Completion)
            await runner.CancelAsync(walk, CancellationToken.None);
        await walk.Completion;
        var walked = walk.Counters.GetValueOrDefault("creators");
        var facts = await console.GetRequiredService<PlatformFactsStore>().LatestAsync(CancellationToken.None);
        var found = walk.State == JobState.Succeeded && facts is not null
            ? $"{walk.State}: {facts.ActiveCanWork:N0} of {facts.Active:N0} can work, {facts.Unlinked:N0} unlinked, {facts.FindingCount:N0} findings"
            : $"{walk.State} after {walked:N0} of {size:N0} creators: {walked / clock.Elapsed.TotalSeconds:N1} creators/s";
        Console.WriteLine($"| {size:N0} | {latency} ms | platform walk (unpaced, a job) | {counter.DynamoDb:N0} / {counter.Cognito:N0} | {clock.Elapsed.TotalSeconds:N1} s | " +
            $"{found} |");
    }

    /// <summary>A console's services on the emulators at <paramref name="ports"/>; the tables' default names when <paramref name="prefix"/> is null.</summary>
    internal static ServiceProvider Services((int DynamoDb, int Cognito) ports, string? prefix, string? poolId, TimeSpan latency, Counter counter)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox", ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:DynamoDbPort"] = ports.DynamoDb.ToString(), ["Platform:Sandbox:CognitoPort"] = ports.Cognito.ToString(),
            ["Platform:UserPoolId"] = poolId,
            // The walk's own cost, not its pace: the emulators are alone here, and the pace is a setting.
            ["Platform:Walk:CognitoRequestsPerSecond"] = "100000", ["Platform:Walk:DynamoDbRequestsPerSecond"] = "100000",
        };
        if (prefix is not null)
            foreach (var (name, suffix) in new[] { ("Creators", "Creators"), ("AnalyticsEvents", "Events"), ("AnalyticsSummaries", "Summaries"), ("Ops", "Ops"),
                ("Products", "Products") })
                settings[$"Platform:Tables:{name}"] = $"{prefix}-{suffix}";
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCore(configuration)
            .AddSingleton<CreatorPlatform.Core.Security.ICurrentActor>(new CreatorPlatform.Core.Security.FixedActor(CreatorPlatform.Core.Security.Actor.Operator(null)))
            .AddSingleton<IAmazonDynamoDB>(sp =>
            {
                var config = sp.GetRequiredService<AwsContext>().DynamoDbConfig();
                config.HttpClientFactory = new Factory(() => new Delay(latency, () => Interlocked.Increment(ref counter.DynamoDb)));
                return new AmazonDynamoDBClient(sp.GetRequiredService<AwsContext>().Credentials, config);
            });
        services.AddHttpClient<ICognitoClient, CognitoClient>().AddHttpMessageHandler(() => new Delay(latency, () => Interlocked.Increment(ref counter.Cognito)));
        return services.BuildServiceProvider();
    }

    private static List<int> List(string[] args, string name, string fallback) =>
        (args.SkipWhile(a => a != name).Skip(1).FirstOrDefault() ?? fallback).Split(',').Select(int.Parse).ToList();

    internal sealed class Counter
    {
        public long DynamoDb, Cognito;
    }

    /// <summary>Counts each request and holds it for the round trip before sending it.</summary>
    private sealed class Delay(TimeSpan latency, Action count) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            count();
            if (latency > TimeSpan.Zero) await Task.Delay(latency, ct);
            return await base.SendAsync(request, ct);
        }
    }

    private sealed class Factory(Func<DelegatingHandler> handler) : Amazon.Runtime.HttpClientFactory
    {
        public override HttpClient CreateHttpClient(Amazon.Runtime.IClientConfig clientConfig)
        {
            var outer = handler();
            outer.InnerHandler = new SocketsHttpHandler();
            return new HttpClient(outer);
        }

        public override bool UseSDKHttpClientCaching(Amazon.Runtime.IClientConfig clientConfig) => false;
    }
}
