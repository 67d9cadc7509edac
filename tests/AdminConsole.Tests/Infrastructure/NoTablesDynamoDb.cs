using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>
/// Core (Mode=Aws unless told) with a DynamoDB that answers as it does before any table exists (ResourceNotFoundException),
/// recording each operation: what a page asks of DynamoDB, without any DynamoDB.
/// </summary>
public static class NoTablesDynamoDb
{
    public static void AddCoreWithoutTables(this IServiceCollection services, List<string> operations, string mode = "Aws",
        IReadOnlyDictionary<string, string?>? more = null)
    {
        var settings = new Dictionary<string, string?> { ["Platform:Mode"] = mode, ["Platform:Sandbox:InMemory"] = "true" };
        foreach (var (key, value) in more ?? new Dictionary<string, string?>()) settings[key] = value;
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        services.AddLogging();
        services.AddSingleton<ICurrentActor>(new FixedActor(new Actor("Ada Admin", "oid-ada", AdminRole.Admin, "tests")));
        services.AddCore(configuration);
        services.AddSingleton<AWSCredentials>(DummyKeys);
        services.AddSingleton<IAmazonDynamoDB>(sp => Client(sp.GetRequiredService<AwsContext>(), operations));
    }

    /// <summary>Keys for this container only, so that Core's AWS clients can be built; every call they make is answered here.</summary>
    public static AWSCredentials DummyKeys { get; } = new BasicAWSCredentials("AKIDTESTONLY", "test-only-secret");

    /// <summary>A DynamoDB client with the console's settings whose every request is recorded in <paramref name="operations"/> and finds no table.</summary>
    public static AmazonDynamoDBClient Client(AwsContext aws, List<string> operations)
    {
        var config = aws.DynamoDbConfig();
        config.HttpClientFactory = new Factory(new NoTables(operations));
        return new AmazonDynamoDBClient(aws.Credentials, config);
    }

    private sealed class NoTables(List<string> operations) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First() : "?";
            lock (operations) operations.Add(target[(target.IndexOf('.') + 1)..]);
            return Task.FromResult(new HttpResponseMessage(HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"__type":"com.amazonaws.dynamodb.v20120810#ResourceNotFoundException","message":"Requested resource not found"}""",
                    Encoding.UTF8, "application/x-amz-json-1.0"),
            });
        }
    }

    private sealed class Factory(HttpMessageHandler handler) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig) => new(handler, disposeHandler: false);
        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
