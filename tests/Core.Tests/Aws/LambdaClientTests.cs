using System.Net;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Lambda;

namespace CreatorPlatform.Core.Tests.Aws;

public sealed class LambdaClientTests
{
    [Fact]
    public async Task Get_function_configuration_is_a_signed_get_of_the_rest_path_and_reads_the_environment()
    {
        await using var server =
            new LocalHttpServer(new CannedResponse(200, LambdaResponses.Configuration("pinterest-affiliate-getProducts", LambdaResponses.GoodVariables), "application/json"));

        var config = await AwsTestClients.Lambda(server).GetFunctionConfigurationAsync(new() { FunctionName = "pinterest-affiliate-getProducts" });

        Assert.Equal("CreatorsTable", config.Environment!.Variables!["CREATORS_TABLE_NAME"]);
        Assert.Equal(("nodejs20.x", "Active"), (config.Runtime, config.State));
        var request = Assert.Single(server.Requests);
        Assert.Equal(("GET", "/2015-03-31/functions/pinterest-affiliate-getProducts/configuration"), (request.Method, request.Path));
        Assert.Contains("/us-east-1/lambda/aws4_request, SignedHeaders=host;x-amz-date, Signature=", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task A_missing_function_raises_resource_not_found()
    {
        await using var server = new LocalHttpServer(LambdaResponses.Error(404, "ResourceNotFoundException",
            "Function not found: arn:aws:lambda:us-east-1:123456789012:function:nope"));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => AwsTestClients.Lambda(server).GetFunctionConfigurationAsync(new() { FunctionName = "nope" }));

        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.StartsWith("Function not found", error.Message);
    }

    [Fact]
    public async Task Access_denied_names_the_lambda_action()
    {
        await using var server = new LocalHttpServer(LambdaResponses.Error(403, "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: lambda:GetFunctionConfiguration on resource: " +
                "arn:aws:lambda:us-east-1:123456789012:function:f"));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => AwsTestClients.Lambda(server).GetFunctionConfigurationAsync(new() { FunctionName = "f" }));

        Assert.Equal("lambda:GetFunctionConfiguration", error.Action);
    }
}
