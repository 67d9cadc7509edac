using System.Net;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>How JSON 1.1 error answers map to exceptions; the shapes are those Cognito documents, served locally.</summary>
public sealed class AwsJsonErrorTests
{
    private static CannedResponse Json(int status, string body, string? errorType = null) =>
        new(status, body, "application/x-amz-json-1.1", errorType is null ? null : new Dictionary<string, string> { ["x-amzn-ErrorType"] = errorType });

    [Fact]
    public async Task A_namespaced_type_maps_to_its_exception()
    {
        await using var server = new LocalHttpServer(Json(400,
            """{"__type":"com.amazonaws.cognito.identity.idp.model#ResourceNotFoundException","message":"Group not found."}"""));

        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(
            () => AwsTestClients.Cognito(server).GetGroupAsync(new() { UserPoolId = "us-east-1_x", GroupName = "Creators" }));

        Assert.Equal("Group not found.", error.Message);
    }

    [Fact]
    public async Task The_error_type_header_is_read_when_the_body_has_no_type()
    {
        await using var server = new LocalHttpServer(Json(400, """{"message":"Group already exists."}""",
            "GroupExistsException:http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/"));

        await Assert.ThrowsAsync<GroupExistsException>(
            () => AwsTestClients.Cognito(server).CreateGroupAsync(new() { UserPoolId = "us-east-1_x", GroupName = "Creators" }));
    }

    [Fact]
    public async Task Access_denied_names_the_cognito_action()
    {
        await using var server = new LocalHttpServer(Json(400, """{"__type":"AccessDeniedException","Message":"not authorized"}"""));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(
            () => AwsTestClients.Cognito(server).AdminAddUserToGroupAsync(new() { UserPoolId = "p", Username = "u", GroupName = "g" }));

        Assert.Equal("cognito-idp:AdminAddUserToGroup", error.Action);
        Assert.Contains("not authorized", error.Message);
    }

    [Fact]
    public async Task An_expired_token_says_to_log_in_again_with_the_profile()
    {
        await using var server = new LocalHttpServer(Json(400,
            """{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}"""));

        var error = await Assert.ThrowsAsync<ExpiredCredentialsException>(
            () => AwsTestClients.Cognito(server).ListUsersAsync(new() { UserPoolId = "p" }));

        Assert.Contains("aws sso login --profile dev", error.Message);
        Assert.Equal(HttpStatusCode.BadRequest, error.StatusCode);
    }

    [Fact]
    public async Task A_request_carries_the_json_target_and_content_type()
    {
        await using var server = new LocalHttpServer(Json(200, """{"Users":[{"Username":"jesskoufo","Attributes":[{"Name":"sub","Value":"s-1"}],"UserCreateDate":1.7E9}]}"""));

        var response = await AwsTestClients.Cognito(server).ListUsersAsync(new() { UserPoolId = "p", Filter = "email = \"j@example.com\"" });

        var user = Assert.Single(response.Users ?? []);
        Assert.Equal(("jesskoufo", "s-1"), (user.Username, user.Sub));
        Assert.Equal(DateTimeOffset.FromUnixTimeSeconds(1_700_000_000).UtcDateTime, user.UserCreateDate);
        var request = Assert.Single(server.Requests);
        Assert.Equal("AWSCognitoIdentityProviderService.ListUsers", request.Headers["X-Amz-Target"]);
        Assert.Equal("application/x-amz-json-1.1", request.Headers["Content-Type"]);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date;x-amz-target,", request.Headers["Authorization"]);
        Assert.Equal("""{"UserPoolId":"p","Filter":"email = \u0022j@example.com\u0022"}""", request.Body);
    }

    [Fact]
    public async Task Pool_management_is_refused_outside_the_sandbox()
    {
        await using var server = new LocalHttpServer();

        await Assert.ThrowsAsync<InvalidOperationException>(() => AwsTestClients.Cognito(server).DeleteUserPoolAsync(new() { UserPoolId = "p" }));

        Assert.Empty(server.Requests);
    }
}
