using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>The post-rollout schema with legacy products, optionally behind an HTTP handler that sees every DynamoDB request.</summary>
public static class MigrationWorld
{
    public static async Task<ServiceProvider> CreateAsync(EmulatorFixture emulators, int products, Action<Dictionary<string, string?>>? configure = null,
        DelegatingHandler? handler = null)
    {
        var services = emulators.Services(configure, handler is null ? null : Through(handler));
        var applier = services.GetRequiredService<SchemaApplier>();
        var schemaRun = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, applier.ApplyAsync);
        Assert.Equal(JobState.Succeeded, schemaRun.State);
        await SeedAsync(services, LegacyProducts.Generate(products, 7));
        return services;
    }

    /// <summary>Another worker (a second console instance) on the same tables as the world made with <paramref name="settings"/>.</summary>
    public static ServiceProvider SecondWorker(EmulatorFixture emulators, IReadOnlyDictionary<string, string?> settings, DelegatingHandler? handler = null) =>
        emulators.Services(s => { foreach (var (key, value) in settings) s[key] = value; }, handler is null ? null : Through(handler));

    public static Action<IServiceCollection> Through(DelegatingHandler handler) => s => s.AddSingleton<IAmazonDynamoDB>(sp =>
    {
        var aws = sp.GetRequiredService<AwsContext>();
        var config = aws.DynamoDbConfig();
        config.HttpClientFactory = new HandlerFactory(handler);
        return new AmazonDynamoDBClient(aws.Credentials, config);
    });

    public static Task SeedAsync(IServiceProvider services, IEnumerable<Dictionary<string, AttributeValue>> items, string? table = null) =>
        BatchWriter.PutAllAsync(services.GetRequiredService<IAmazonDynamoDB>(), table ?? services.GetRequiredService<PlatformSchema>().Products.Name, items,
            CancellationToken.None);

    public static async Task<List<Dictionary<string, AttributeValue>>> ProductsAsync(IServiceProvider services)
    {
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var table = services.GetRequiredService<PlatformSchema>().Products.Name;
        var all = new List<Dictionary<string, AttributeValue>>();
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = table, ExclusiveStartKey = start });
            all.AddRange(page.Items ?? []);
            start = page.LastEvaluatedKey is { Count: > 0 } k ? k : null;
        } while (start is not null);
        return all;
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

/// <summary>Sees each UpdateItem on the products table: may throttle it or react to it, and counts the ones that succeeded per product.</summary>
public sealed partial class ProductWritesHandler(string productsTable) : DelegatingHandler
{
    private int updates;
    public Func<int, bool> Throttle { get; init; } = _ => false;
    public Action<int>? OnUpdate { get; set; }
    private int throttled;
    public int Throttled => Volatile.Read(ref throttled);
    public Dictionary<string, int> Succeeded { get; } = [];

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
        if (target != "DynamoDB_20120810.UpdateItem" || request.Content is null) return await base.SendAsync(request, ct);
        var body = await request.Content.ReadAsStringAsync(ct);
        if (!body.Contains($"\"{productsTable}\"")) return await base.SendAsync(request, ct);
        var n = Interlocked.Increment(ref updates);
        OnUpdate?.Invoke(n);
        if (Throttle(n))
        {
            Interlocked.Increment(ref throttled);
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate exceeded"}""",
                    System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
            };
        }
        var response = await base.SendAsync(request, ct);
        if (response.IsSuccessStatusCode && KeyPattern().Match(body) is { Success: true } m)
            lock (Succeeded) Succeeded[m.Groups[1].Value] = Succeeded.GetValueOrDefault(m.Groups[1].Value) + 1;
        return response;
    }

    [GeneratedRegex("\"Key\":\\{\"id\":\\{\"S\":\"([^\"]+)\"")]
    private static partial Regex KeyPattern();
}
