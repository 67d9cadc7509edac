using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>One bounded policy: a call that keeps failing stops after <see cref="AwsRetry.MaxAttempts"/> requests, never more, never for ever.</summary>
public sealed class RetryPolicyTests
{
    private const string Unprocessed = """{"UnprocessedItems":{"T":[{"PutRequest":{"Item":{"id":{"S":"p1"}}}}]}}""";
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
    public async Task A_DynamoDB_call_that_keeps_being_throttled_is_sent_the_policys_attempts_and_no_more()
    {
        await using var server = new LocalHttpServer(Answers(20, Throttled, 400));

        await Assert.ThrowsAsync<ProvisionedThroughputExceededException>(() => DynamoDb(server).GetItemAsync("T", new() { ["id"] = new() { S = "p1" } }));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
    }

    [Fact]
    public async Task A_signed_http_call_that_keeps_being_throttled_is_sent_the_policys_attempts_and_no_more()
    {
        await using var server = new LocalHttpServer(Enumerable.Repeat(new CannedResponse(400, CloudFormationResponses.Error("Throttling", "Rate exceeded")), 20).ToArray());
        var client = new CloudFormationClient(AwsTestClients.Http(server.Uri, CloudFormationClient.SigningName), AwsTestClients.Context(),
            AwsRetry.Create(TimeProvider.System, baseDelay: TimeSpan.FromMilliseconds(5)));

        await Assert.ThrowsAsync<CreatorPlatform.Core.Aws.ThrottlingException>(() => client.DescribeStacksAsync(new() { StackName = "MyStack" }));

        Assert.Equal(AwsRetry.MaxAttempts, server.Requests.Count);
    }

    /// <summary>A client configured as the console configures it, pointed at the listener.</summary>
    private static AmazonDynamoDBClient DynamoDb(LocalHttpServer server)
    {
        var config = AwsTestClients.Context().DynamoDbConfig();
        config.ServiceURL = server.Uri.ToString();
        return new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"), config);
    }

    private static CannedResponse[] Answers(int count, string body, int status) =>
        Enumerable.Repeat(new CannedResponse(status, body, "application/x-amz-json-1.0"), count).ToArray();
}
