using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>One bounded policy: a call that keeps failing stops after <see cref="AwsRetry.MaxAttempts"/> requests, never more, never for ever.</summary>
public sealed class RetryPolicyTests
{
    private const string Unprocessed = """{"UnprocessedItems":{"T":[{"PutRequest":{"Item":{"id":{"S":"p1"}}}}]}}""";
    private const string UnprocessedKeys = """{"Responses":{"T":[]},"UnprocessedKeys":{"T":{"Keys":[{"id":{"S":"p1"}}]}}}""";
    private const string Throttled = """{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate exceeded"}""";

    [Fact]
    public async Task A_batch_write_that_DynamoDB_keeps_leaving_unprocessed_stops_after_the_policys_attempts()
    {
        await using var server = new LocalHttpServer(Answers(20, Unprocessed, 200));
        var items = new[] { new Dictionary<string, AttributeValue> { ["id"] = new() { S = "p1" } } };

        var error = await Assert.ThrowsAsync<UnprocessedItemsException>(() => BatchWriter.PutAllAsync(DynamoDb(server), "T", items, CancellationToken.None));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
        Assert.Contains($"1 items unprocessed after {AwsRetry.MaxAttempts} attempts", error.Message);
    }

    [Fact]
    public async Task A_batch_get_that_DynamoDB_keeps_leaving_unprocessed_stops_after_the_policys_attempts()
    {
        await using var server = new LocalHttpServer(Answers(20, UnprocessedKeys, 200));
        var keys = new[] { new Dictionary<string, AttributeValue> { ["id"] = new() { S = "p1" } } };

        var error = await Assert.ThrowsAsync<UnprocessedItemsException>(() => BatchReader.GetAllAsync(DynamoDb(server), "T", keys, "id", CancellationToken.None));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
        Assert.Contains($"1 keys unprocessed after {AwsRetry.MaxAttempts} attempts", error.Message);
    }

    [Fact]
    public async Task A_DynamoDB_call_that_keeps_being_throttled_is_sent_the_policys_attempts_and_no_more()
    {
        await using var server = new LocalHttpServer(Answers(20, Throttled, 400));

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => DynamoDb(server).GetItemAsync("T", new() { ["id"] = new() { S = "p1" } }));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task A_signed_query_call_that_keeps_being_throttled_is_sent_the_policys_attempts_and_no_more()
    {
        await using var server = new LocalHttpServer(Enumerable.Repeat(new CannedResponse(400, CloudFormationResponses.Error("Throttling", "Rate exceeded")), 20).ToArray());
        var client = new CloudFormationClient(AwsTestClients.Http(server.Uri, CloudFormationClient.SigningName, AwsRetry.MaxAttempts), AwsTestClients.Context());

        await Assert.ThrowsAsync<CreatorPlatform.Core.Aws.ThrottlingException>(() => client.DescribeStacksAsync(new() { StackName = "MyStack" }));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task The_registered_cognito_client_retries_throttling_named_only_in_the_error_type_header_the_policys_attempts()
    {
        var throttled = new CannedResponse(400, """{"message":"Rate exceeded"}""", AwsJsonClient.MediaType,
            new Dictionary<string, string> { ["x-amzn-ErrorType"] = "TooManyRequestsException:http://internal.amazon.com/coral/" });
        await using var server = new LocalHttpServer(Enumerable.Repeat(throttled, 20).ToArray());
        await using var services = Services(server);

        await Assert.ThrowsAsync<CreatorPlatform.Core.Aws.ThrottlingException>(
            () => services.GetRequiredService<ICognitoClient>().ListUsersAsync(new() { UserPoolId = "p" }));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task A_retried_request_is_signed_again_without_a_second_copy_of_any_header()
    {
        await using var server = new LocalHttpServer(
            new CannedResponse(503, """{"__type":"ServiceUnavailableException","message":"busy"}""", AwsJsonClient.MediaType),
            new CannedResponse(200, """{"Users":[]}""", AwsJsonClient.MediaType));
        await using var services = Services(server);

        await services.GetRequiredService<ICognitoClient>().ListUsersAsync(new() { UserPoolId = "p" });

        Assert.Equal(2, server.Requests.Count);
        Assert.All(server.Requests, request =>
        {
            Assert.Matches("^[0-9]{8}T[0-9]{6}Z$", request.Headers["X-Amz-Date"]);
            Assert.Equal("AWSCognitoIdentityProviderService.ListUsers", request.Headers["X-Amz-Target"]);
            Assert.Equal(1, request.Headers["Authorization"]!.Split("AWS4-HMAC-SHA256").Length - 1);
            Assert.Equal(1, request.Headers["Authorization"]!.Split("Signature=").Length - 1);
            Assert.Equal("""{"UserPoolId":"p"}""", request.Body);
        });
    }

    [Fact]
    public async Task The_registered_DynamoDB_client_has_the_consoles_retry_timeout_and_endpoint_settings()
    {
        await using var server = new LocalHttpServer();
        await using var services = Services(server, cognito: false);

        var config = services.GetRequiredService<IAmazonDynamoDB>().Config;

        var expected = services.GetRequiredService<AwsContext>().DynamoDbConfig();
        Assert.Equal((RequestRetryMode.Standard, false, AwsRetry.MaxAttempts - 1, TimeSpan.FromSeconds(30)),
            (config.RetryMode, config.ThrottleRetries, config.MaxErrorRetry, config.Timeout));
        Assert.Equal(server.Uri.ToString(), config.ServiceURL);
        Assert.Equal((expected.ServiceURL, expected.RegionEndpoint, expected.AuthenticationRegion), (config.ServiceURL, config.RegionEndpoint, config.AuthenticationRegion));
    }

    [Fact]
    public async Task A_sandbox_dynamodb_client_endpoint_and_request_timeout_reach_the_client_while_the_emulator_keeps_its_port()
    {
        await using var server = new LocalHttpServer();
        var emulatorPort = SandboxEmulators.FreePort();
        await using var services = Services(server, cognito: true, new()
        {
            ["Platform:Sandbox:DynamoDbPort"] = emulatorPort.ToString(),
            ["Platform:Sandbox:DynamoDbClientEndpoint"] = server.Uri.ToString(),
            ["Platform:Aws:RequestTimeoutSeconds"] = "7",
        });

        var config = services.GetRequiredService<IAmazonDynamoDB>().Config;

        Assert.Equal((server.Uri.ToString(), TimeSpan.FromSeconds(7)), (config.ServiceURL, config.Timeout));
        Assert.Contains($"DynamoDB Local on http://127.0.0.1:{emulatorPort}/, reached through {server.Uri}", services.GetRequiredService<AwsContext>().Describe());
    }

    /// <summary>Core's services as the console registers them, on a sandbox whose DynamoDB or Cognito is the listener, with short waits.</summary>
    private static ServiceProvider Services(LocalHttpServer server, bool cognito = true, Dictionary<string, string?>? more = null)
    {
        var unused = SandboxEmulators.FreePort().ToString();
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:DynamoDbPort"] = cognito ? unused : server.Uri.Port.ToString(),
            ["Platform:Sandbox:CognitoPort"] = cognito ? server.Uri.Port.ToString() : unused,
        }).AddInMemoryCollection(more ?? []).Build();
        var services = new ServiceCollection().AddLogging().AddCore(configuration);
        services.Configure<AwsRetryOptions>(o => o.BaseDelay = TimeSpan.FromMilliseconds(5));
        return services.BuildServiceProvider();
    }

    private static IAmazonDynamoDB DynamoDb(LocalHttpServer server) => Services(server, cognito: false).GetRequiredService<IAmazonDynamoDB>();

    private static CannedResponse[] Answers(int count, string body, int status) =>
        Enumerable.Repeat(new CannedResponse(status, body, "application/x-amz-json-1.0"), count).ToArray();
}
