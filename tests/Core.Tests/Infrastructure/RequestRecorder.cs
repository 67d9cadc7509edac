using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// Sees every DynamoDB request on its way to the emulator and keeps its operation name (X-Amz-Target without the
/// version); with <see cref="WireCognito"/>, every Cognito request too, apart (each attempt, retries included).
/// </summary>
public sealed class RequestRecorder : DelegatingHandler
{
    private readonly List<string> operations = [];
    private readonly List<string> cognito = [];

    public IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    public IReadOnlyList<string> CognitoOperations { get { lock (cognito) return cognito.ToList(); } }

    public int Count(string operation) => Operations.Count(o => o == operation);

    private volatile Hold? hold;

    /// <summary>
    /// Holds every DynamoDB request of <paramref name="operation"/> before it is sent, until <see cref="Hold.Release"/>:
    /// a test that needs a request to be in flight while it does something else gets exactly that, on any machine load.
    /// </summary>
    public Hold HoldBack(string operation) => hold = new Hold(operation);

    public sealed class Hold(string operation)
    {
        private readonly TaskCompletionSource arrived = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly TaskCompletionSource released = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public string Operation { get; } = operation;

        /// <summary>Completes when the first held request reaches the recorder.</summary>
        public Task Arrived => arrived.Task;

        public void Release() => released.TrySetResult();

        internal Task WaitAsync(CancellationToken ct)
        {
            arrived.TrySetResult();
            return released.Task.WaitAsync(ct);
        }
    }

    public void Clear()
    {
        lock (operations) operations.Clear();
        lock (cognito) cognito.Clear();
    }

    /// <summary>Core's Cognito client (a typed HttpClient) sent through a tap that records here, innermost, after signing.</summary>
    public Action<IServiceCollection> WireCognito() => s =>
        s.AddHttpClient<ICognitoClient, CognitoClient>().AddHttpMessageHandler(() => new CognitoTap(this));

    /// <summary>Both services through this recorder.</summary>
    public Action<IServiceCollection> WireAll() => s =>
    {
        Wire()(s);
        WireCognito()(s);
    };

    private sealed class CognitoTap(RequestRecorder recorder) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (target is not null) lock (recorder.cognito) recorder.cognito.Add(target[(target.IndexOf('.') + 1)..]);
            return base.SendAsync(request, ct);
        }
    }

    /// <summary>Core's DynamoDB client sent through this recorder.</summary>
    public Action<IServiceCollection> Wire() => s => s.AddSingleton<IAmazonDynamoDB>(sp =>
    {
        var aws = sp.GetRequiredService<AwsContext>();
        var config = aws.DynamoDbConfig();
        config.HttpClientFactory = new Factory(this);
        return new AmazonDynamoDBClient(aws.Credentials, config);
    });

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
        var operation = target?[(target.IndexOf('.') + 1)..];
        if (operation is not null) lock (operations) operations.Add(operation);
        if (hold is { } held && held.Operation == operation) await held.WaitAsync(ct);
        return await base.SendAsync(request, ct);
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
