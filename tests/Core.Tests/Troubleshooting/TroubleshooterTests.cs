using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Aws;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Troubleshooting;

/// <summary>Each known failure, produced from the error AWS answers with, explained with its next action.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TroubleshooterTests(EmulatorFixture emulators)
{
    private readonly Troubleshooter troubleshooter = new(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Profile = "dev", Region = "eu-west-1" }));

    [Fact]
    public async Task Access_denied_names_the_action_the_resource_and_the_permission_to_add()
    {
        await using var server = new LocalHttpServer(new CannedResponse(403, CloudFormationResponses.Error("AccessDenied",
            "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudformation:DescribeStackResources on resource: " +
                "arn:aws:cloudformation:eu-west-1:123456789012:stack/PinterestAffiliateBackendStack/*")));
        var error = await Assert.ThrowsAsync<AccessDeniedException>(()
            => AwsTestClients.CloudFormation(server).DescribeStackResourcesAsync(new() { StackName = "PinterestAffiliateBackendStack" }));

        var trouble = troubleshooter.Explain(error);

        Assert.Equal((TroubleKind.AccessDenied, "Not permitted: cloudformation:DescribeStackResources"), (trouble.Kind, trouble.Title));
        Assert.Equal("Add the IAM permission cloudformation:DescribeStackResources on arn:aws:cloudformation:eu-west-1:123456789012:stack/PinterestAffiliateBackendStack/* "
            + "to that role or user, then try again.", trouble.NextAction);
        Assert.Contains("\"Action\": \"cloudformation:DescribeStackResources\"", trouble.Command);
    }

    [Fact]
    public async Task Expired_credentials_say_to_sign_in_again_with_the_profile()
    {
        await using var server = new LocalHttpServer(LambdaResponses.Error(403, "ExpiredTokenException", "The security token included in the request is expired"));
        var error = await Assert.ThrowsAsync<ExpiredCredentialsException>(() => AwsTestClients.Lambda(server).GetFunctionConfigurationAsync(new() { FunctionName = "f" }));

        var trouble = troubleshooter.Explain(error);

        Assert.Equal((TroubleKind.Credentials, "aws sso login --profile dev"), (trouble.Kind, trouble.Command));
        Assert.Contains("The security token included in the request is expired", trouble.Explanation);
    }

    [Fact]
    public void A_profile_that_does_not_exist_is_a_credentials_trouble_too()
    {
        var trouble = troubleshooter.Explain(new AwsSetupException("The AWS profile 'dev' was not found in ~/.aws/config or ~/.aws/credentials."));

        Assert.Equal((TroubleKind.Credentials, "aws sso login --profile dev"), (trouble.Kind, trouble.Command));
    }

    [Fact]
    public void A_user_pool_that_cannot_be_found_says_which_setting_names_it()
    {
        var missing = new CreatorPlatform.Core.Creators.UserPoolNotFoundException("The stack 'MyStack' has no 'UserPoolId' output. Set Platform:UserPoolId.");

        var trouble = troubleshooter.Explain(missing);

        Assert.Equal((TroubleKind.NotFound, "The user pool is not known"), (trouble.Kind, trouble.Title));
        Assert.Equal("The stack 'MyStack' has no 'UserPoolId' output. Set Platform:UserPoolId.", trouble.Explanation);
        Assert.Contains("Set Platform:UserPoolId, or Platform:StackName", trouble.NextAction);
    }

    [Fact]
    public async Task A_stack_that_does_not_exist_says_how_to_deploy_it()
    {
        await using var server = new LocalHttpServer(new CannedResponse(400, CloudFormationResponses.Error("ValidationError", "Stack with id MyStack does not exist")));
        var error = await Assert.ThrowsAsync<StackNotFoundException>(() => AwsTestClients.CloudFormation(server).DescribeStacksAsync(new() { StackName = "MyStack" }));

        var trouble = troubleshooter.Explain(error);

        Assert.Equal((TroubleKind.StackMissing, "The stack MyStack does not exist"), (trouble.Kind, trouble.Title));
        Assert.Equal("CloudFormation has no stack named MyStack in eu-west-1.", trouble.Explanation);
        Assert.Equal("npx cdk deploy MyStack --profile dev", trouble.Command);
    }

    [Fact]
    public async Task A_table_that_does_not_exist_names_the_table_and_the_screen()
    {
        await using var services = emulators.Services();
        var error = await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(
            () => services.GetRequiredService<IAmazonDynamoDB>().DescribeTableAsync("NoSuchTable"));

        var trouble = troubleshooter.Explain(error, "dynamodb:DescribeTable", "NoSuchTable");

        Assert.Equal((TroubleKind.TableMissing, "NoSuchTable does not exist", ConsoleScreen.Tables), (trouble.Kind, trouble.Title, trouble.Link));
        Assert.StartsWith("Deploy the storage stack (npx cdk deploy PinterestAffiliateStorageStack --profile dev)", trouble.NextAction);
    }

    [Fact]
    public async Task A_lambda_function_that_does_not_exist_is_explained_as_such()
    {
        await using var server =
            new LocalHttpServer(LambdaResponses.Error(404, "ResourceNotFoundException", "Function not found: arn:aws:lambda:eu-west-1:123456789012:function:gone"));
        var error = await Assert.ThrowsAsync<ResourceNotFoundException>(() => AwsTestClients.Lambda(server).GetFunctionConfigurationAsync(new() { FunctionName = "gone" }));

        var trouble = troubleshooter.Explain(error, "lambda:GetFunctionConfiguration", "gone");

        Assert.Equal((TroubleKind.FunctionMissing, "The Lambda function gone does not exist"), (trouble.Kind, trouble.Title));
    }

    [Fact]
    public void An_index_creating_for_more_than_thirty_minutes_is_stuck_and_shows_its_throttle_events()
    {
        var now = new DateTimeOffset(2025, 11, 20, 19, 0, 0, TimeSpan.Zero);

        var fresh = troubleshooter.IndexStuck("ProductsTable", "creatorId-index", now.AddMinutes(-29), now, 0, 40);
        var stuck = troubleshooter.IndexStuck("ProductsTable", "creatorId-index", now.AddMinutes(-47), now, 1234, 62);

        Assert.Null(fresh);
        Assert.Equal((TroubleKind.IndexStuck, "creatorId-index has been building for 47 minutes"), (stuck!.Kind, stuck.Title));
        Assert.Contains("(62% done)", stuck.Explanation);
        Assert.Contains("throttled 1,234 times (OnlineIndexThrottleEvents)", stuck.Explanation);
        Assert.StartsWith("Let it finish; lower the write load", stuck.NextAction);
        Assert.Contains("IndexName==`creatorId-index`", stuck.Command);
    }

    [Fact]
    public void A_migration_that_ended_with_failures_lists_them_and_says_to_run_it_again()
    {
        var run = new MigrationRunRecord("r1", "migrate", "admin", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, "failed", new Dictionary<string, string>(),
            new Dictionary<string, long> { ["failed"] = 2, ["updated"] = 98 }, null,
            "2 products could not be migrated (e.g. p-17: Throughput exceeds the current capacity, p-42: Item size has exceeded the maximum allowed size). Run the migration " +
                "again to finish them.");

        var trouble = Troubleshooter.MigrationFailures(run);
        var clean = Troubleshooter.MigrationFailures(run with { Outcome = "succeeded", Error = null, Counts = new Dictionary<string, long>() });

        Assert.Null(clean);
        Assert.Equal((TroubleKind.MigrationFailures, "The migration ended with 2 failed products"), (trouble!.Kind, trouble.Title));
        Assert.Contains("p-42: Item size has exceeded", Assert.Single(trouble.Details));
        Assert.StartsWith("Run the migration again", trouble.NextAction);
    }
}
