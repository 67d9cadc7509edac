using System.Net;
using System.Web;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;

namespace CreatorPlatform.Core.Tests.Aws;

public sealed class CloudFormationClientTests
{
    [Fact]
    public async Task Describe_stacks_sends_a_signed_query_request_and_reads_the_outputs()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, CloudFormationResponses.DescribeStacks));
        var client = AwsTestClients.CloudFormation(server);

        var response = await client.DescribeStacksAsync(new() { StackName = "MyStack" });

        var stack = Assert.Single(response.Stacks ?? []);
        Assert.Equal("MyStack", stack.StackName);
        Assert.Equal("CREATE_COMPLETE", stack.StackStatus);
        Assert.Equal(new DateTime(2010, 7, 27, 22, 28, 28, DateTimeKind.Utc), stack.CreationTime);
        Assert.Equal("http://my-load-balancer.amazonaws.com:80/index.html", stack.Output("StartPage"));
        var request = Assert.Single(server.Requests);
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal(("POST", "/"), (request.Method, request.Path));
        Assert.Equal(("DescribeStacks", "2010-05-15", "MyStack"), (form["Action"], form["Version"], form["StackName"]));
        Assert.StartsWith("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/", request.Headers["Authorization"]);
        Assert.Contains("/us-east-1/cloudformation/aws4_request, SignedHeaders=content-type;host;x-amz-date, Signature=", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Stack_outputs_come_back_as_a_dictionary()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, CloudFormationResponses.DescribeStacks));

        var outputs = await AwsTestClients.CloudFormation(server).GetStackOutputsAsync("MyStack");

        Assert.Equal(new Dictionary<string, string> { ["StartPage"] = "http://my-load-balancer.amazonaws.com:80/index.html" }, outputs);
    }

    [Fact]
    public async Task Describe_stack_resources_reads_every_resource()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, CloudFormationResponses.DescribeStackResources));

        var response = await AwsTestClients.CloudFormation(server).DescribeStackResourcesAsync(new() { StackName = "MyStack" });

        Assert.Equal(["MyDBInstance", "MyAutoScalingGroup"], (response.StackResources ?? []).Select(r => r.LogicalResourceId));
        var group = response.StackResources![1];
        Assert.Equal(("MyStack_ASG1", "AWS::AutoScalingGroup", "CREATE_IN_PROGRESS"), (group.PhysicalResourceId, group.ResourceType, group.ResourceStatus));
        Assert.Equal(new DateTime(2010, 7, 27, 22, 28, 28, 123, DateTimeKind.Utc).AddTicks(4560), group.Timestamp);
        Assert.Equal("DescribeStackResources", HttpUtility.ParseQueryString(Assert.Single(server.Requests).Body)["Action"]);
    }

    [Fact]
    public async Task Listing_every_resource_follows_next_token_until_the_last_page()
    {
        var resources = Enumerable.Range(0, 217).Select(i => ($"Resource{i}", $"physical-{i}", "AWS::Lambda::Function")).ToList();
        await using var server = new LocalHttpServer(
            new CannedResponse(200, LambdaResponses.StackResourcePage(resources.Take(100), "token-1")),
            new CannedResponse(200, LambdaResponses.StackResourcePage(resources.Skip(100).Take(100), "token-2")),
            new CannedResponse(200, LambdaResponses.StackResourcePage(resources.Skip(200), null)));

        var all = await AwsTestClients.CloudFormation(server).ListAllStackResourcesAsync("BigStack");

        Assert.Equal(resources.Select(r => r.Item2), all.Select(r => r.PhysicalResourceId));
        Assert.All(server.Requests, r => Assert.Equal(("ListStackResources", "BigStack"),
            (HttpUtility.ParseQueryString(r.Body)["Action"], HttpUtility.ParseQueryString(r.Body)["StackName"])));
        Assert.Equal([null, "token-1", "token-2"], server.Requests.Select(r => HttpUtility.ParseQueryString(r.Body)["NextToken"]));
    }

    [Fact]
    public async Task A_missing_stack_raises_stack_not_found_naming_the_stack()
    {
        await using var server = new LocalHttpServer(
            new CannedResponse(400, CloudFormationResponses.Error("ValidationError", "Stack with id NoSuchStack does not exist")));

        var error = await Assert.ThrowsAsync<StackNotFoundException>(
            () => AwsTestClients.CloudFormation(server).DescribeStacksAsync(new() { StackName = "NoSuchStack" }));

        Assert.Equal("NoSuchStack", error.StackName);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task Access_denied_says_which_action_was_refused()
    {
        await using var server = new LocalHttpServer(new CannedResponse(403, CloudFormationResponses.Error("AccessDenied",
            "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudformation:DescribeStacks")));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(
            () => AwsTestClients.CloudFormation(server).DescribeStacksAsync(new() { StackName = "MyStack" }));

        Assert.Equal("cloudformation:DescribeStacks", error.Action);
        Assert.StartsWith("AWS refused cloudformation:DescribeStacks:", error.Message);
    }

    [Fact]
    public async Task Throttling_is_retried_until_the_call_succeeds()
    {
        await using var server = new LocalHttpServer(
            new CannedResponse(400, CloudFormationResponses.Error("Throttling", "Rate exceeded")),
            new CannedResponse(503, CloudFormationResponses.Error("ServiceUnavailable", "Service unavailable", "Receiver")),
            new CannedResponse(200, CloudFormationResponses.DescribeStacks));

        var response = await AwsTestClients.CloudFormation(server).DescribeStacksAsync(new() { StackName = "MyStack" });

        Assert.Single(response.Stacks ?? []);
        Assert.Equal(3, server.Requests.Count);
    }

    [Fact]
    public async Task Throttling_that_outlasts_the_retries_surfaces_as_a_throttling_exception()
    {
        var throttled = new CannedResponse(400, CloudFormationResponses.Error("Throttling", "Rate exceeded"));
        await using var server = new LocalHttpServer(throttled, throttled, throttled);

        await Assert.ThrowsAsync<ThrottlingException>(() => AwsTestClients.CloudFormation(server).DescribeStacksAsync(new() { StackName = "MyStack" }));

        Assert.Equal(3, server.Requests.Count);
    }
}
