using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>Sees every DynamoDB request on its way to the emulator and keeps its operation name (X-Amz-Target without the version).</summary>
public sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<string> operations = [];

    public IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    public int Count(string operation) => Operations.Count(o => o == operation);

    public void Clear() { lock (operations) operations.Clear(); }

    /// <summary>Core's DynamoDB client sent through this recorder.</summary>
    public Action<IServiceCollection> Wire() => s => s.AddSingleton<IAmazonDynamoDB>(sp =>
    {
        var aws = sp.GetRequiredService<AwsContext>();
        var config = aws.DynamoDbConfig();
        config.HttpClientFactory = new Factory(this);
        return new AmazonDynamoDBClient(aws.Credentials, config);
    });

    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
        if (target is not null) lock (operations) operations.Add(target[(target.IndexOf('.') + 1)..]);
        return base.SendAsync(request, ct);
    }

    private sealed class Factory(RequestRecorder recorder) : HttpClientFactory
    {
        public override HttpClient CreateHttpClient(IClientConfig clientConfig)
        {
            recorder.InnerHandler ??= new SocketsHttpHandler();
            return new HttpClient(recorder, disposeHandler: false);
        }
        public override bool UseSDKHttpClientCaching(IClientConfig clientConfig) => false;
    }
}
