using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Benchmarks.Migration;

/// <summary>
/// One scenario's platform: Core's services on their own tables of one DynamoDB Local, every request of the measured
/// client delayed by <c>latency</c>; seeding goes through a second, undelayed client so that it stays cheap.
/// </summary>
public sealed class BenchWorld(ServiceProvider services, IAmazonDynamoDB seeder) : IAsyncDisposable
{
    private static int counter;

    public IServiceProvider Services => services;
    public IAmazonDynamoDB DynamoDb => services.GetRequiredService<IAmazonDynamoDB>();
    public string Products => services.GetRequiredService<PlatformSchema>().Products.Name;

    /// <summary>This world's table names by setting key (Platform:Tables:*), for a child process pointed at the same tables.</summary>
    public IReadOnlyDictionary<string, string> TableSettings
    {
        get
        {
            var t = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value.Tables;
            return new Dictionary<string, string>
            {
                ["Products"] = t.Products, ["Creators"] = t.Creators, ["AnalyticsEvents"] = t.AnalyticsEvents, ["AnalyticsSummaries"] = t.AnalyticsSummaries, ["Ops"] = t.Ops,
            };
        }
    }

    public static async Task<BenchWorld> CreateAsync(int dynamoDbPort, int cognitoPort, TimeSpan latency)
    {
        var prefix = $"b{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}"[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox", ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:DynamoDbPort"] = dynamoDbPort.ToString(), ["Platform:Sandbox:CognitoPort"] = cognitoPort.ToString(),
            ["Platform:Tables:Products"] = $"{prefix}-Products", ["Platform:Tables:Creators"] = $"{prefix}-Creators",
            ["Platform:Tables:AnalyticsEvents"] = $"{prefix}-Events", ["Platform:Tables:AnalyticsSummaries"] = $"{prefix}-Summaries",
            ["Platform:Tables:Ops"] = $"{prefix}-Ops",
        };
        // Platform__Migration__MaxConcurrency=128 and friends override Core's defaults for experiments.
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).AddEnvironmentVariables().Build();
        var collection = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning)).AddCore(configuration)
            // The benchmark acts as an operator, as the CLI does: jobs demand an admin and audit who ran them.
            .AddSingleton<CreatorPlatform.Core.Security.ICurrentActor>(new CreatorPlatform.Core.Security.FixedActor(CreatorPlatform.Core.Security.Actor.Operator(null)));
        if (latency > TimeSpan.Zero)
            collection.AddSingleton<IAmazonDynamoDB>(sp => Client(sp.GetRequiredService<AwsContext>(), new LatencyHandler(latency)));
        var services = collection.BuildServiceProvider();
        var seeder = Client(services.GetRequiredService<AwsContext>(), null);
        var applier = services.GetRequiredService<SchemaApplier>();
        var run = services.GetRequiredService<JobRunner>().Start(SchemaApplier.JobKind, "schema", applier.ApplyAsync);
        await run.Completion;
        if (run.State != JobState.Succeeded) throw new InvalidOperationException($"Schema apply failed: {run.Error}");
        return new BenchWorld(services, seeder);
    }

    /// <summary>Puts the legacy products back (whole items, so earlier runs' attributes vanish); returns their ids.</summary>
    public async Task<List<string>> SeedAsync(int count)
    {
        var ids = new List<string>(count);
        var chunks = LegacyProducts.Generate(count, 7).Select(i => { ids.Add(i["id"].S); return i; }).Chunk(25);
        await Parallel.ForEachAsync(chunks, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            async (chunk, ct) => await BatchWriter.PutAllAsync(seeder, Products, chunk, ct));
        return ids;
    }

    public async ValueTask DisposeAsync()
    {
        var schema = services.GetRequiredService<PlatformSchema>();
        foreach (var table in schema.Tables)
        {
            try { await seeder.DeleteTableAsync(new DeleteTableRequest { TableName = table.Name }); }
            catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { }
        }
        seeder.Dispose();
        await services.DisposeAsync();
    }

    /// <summary>A client of the world's DynamoDB Local reached on another port (a proxy in front of it), with the console's settings.</summary>
    public AmazonDynamoDBClient ClientAt(int port)
    {
        var config = services.GetRequiredService<AwsContext>().DynamoDbConfig();
        config.ServiceURL = $"http://127.0.0.1:{port}";
        return new AmazonDynamoDBClient(services.GetRequiredService<AwsContext>().Credentials, config);
    }

    private static AmazonDynamoDBClient Client(AwsContext aws, DelegatingHandler? handler)
    {
        var config = aws.DynamoDbConfig();
        if (handler is not null) config.HttpClientFactory = new HandlerFactory(handler);
        return new AmazonDynamoDBClient(aws.Credentials, config);
    }

    /// <summary>A network round trip, simulated: every request waits before it is sent.</summary>
    private sealed class LatencyHandler(TimeSpan delay) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            await Task.Delay(delay, ct);
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

        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
