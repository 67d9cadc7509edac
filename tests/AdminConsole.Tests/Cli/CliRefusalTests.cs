using System.Net;
using AdminConsole.Cli;
using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;

namespace AdminConsole.Tests.Cli;

public sealed class CliRefusalTests
{
    [Fact]
    public void A_refused_cognito_call_names_the_action_and_the_policy_file_instead_of_asking_for_verbose()
    {
        var refusal = new AccessDeniedException("cognito-idp:CreateGroup", "AccessDeniedException",
            "User: arn:aws:iam::123456789012:user/console is not authorized to perform: cognito-idp:CreateGroup", HttpStatusCode.BadRequest);

        var (what, next) = CliFailure.Describe(refusal);

        Assert.Contains("cognito-idp:CreateGroup", what);
        Assert.Contains("deploy/iam/admin-console-policy.json", next);
        Assert.DoesNotContain("--verbose", next);
    }

    [Fact]
    public void A_refused_dynamodb_call_from_the_sdk_is_told_as_a_refusal_with_the_policy_file()
    {
        var refusal = new AmazonDynamoDBException("User: arn:aws:iam::123456789012:user/console is not authorized to perform: dynamodb:UpdateItem")
        {
            ErrorCode = "AccessDeniedException",
            StatusCode = HttpStatusCode.BadRequest,
        };

        var (what, next) = CliFailure.Describe(refusal);

        Assert.StartsWith("AWS refused a call:", what);
        Assert.Contains("dynamodb:UpdateItem", what);
        Assert.Equal(AwsErrors.PermissionAdvice, next);
    }
}
