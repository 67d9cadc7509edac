using System.Net;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Web;

/// <summary>
/// The console whose DynamoDB client records every operation and answers each, as DynamoDB does for a table that does
/// not exist, with ResourceNotFoundException: what a page or an endpoint asks of DynamoDB, without any DynamoDB.
/// </summary>
public sealed class RecordingConsoleFactory : ConsoleFactory
{
    private readonly List<string> operations = [];

    public IReadOnlyList<string> Operations { get { lock (operations) return operations.ToList(); } }

    public void Clear() { lock (operations) operations.Clear(); }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<IAmazonDynamoDB>(sp =>
        {
            var aws = sp.GetRequiredService<AwsContext>();
            var config = aws.DynamoDbConfig();
            config.HttpClientFactory = new Factory(new Recorder(this));
            return new AmazonDynamoDBClient(aws.Credentials, config);
        }));
    }

    private sealed class Recorder(RecordingConsoleFactory factory) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.First() : "?";
            lock (factory.operations) factory.operations.Add(target[(target.IndexOf('.') + 1)..]);
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
