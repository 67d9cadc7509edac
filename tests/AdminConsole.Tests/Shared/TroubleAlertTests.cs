using System.Net;
using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Shared;

/// <summary>Each troubleshooting case rendered from the error response AWS sends, parsed as the clients parse it.</summary>
public sealed class TroubleAlertTests : MudTestContext
{
    public TroubleAlertTests() => AsAdmin();

    private static readonly Troubleshooter Troubleshooter = new(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Profile = "prod-admin" }));

    [Fact]
    public void Access_denied_shows_the_refused_action_resource_and_permission_not_a_stack_trace()
    {
        const string refusal = "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudformation:DescribeStackResources on resource: " +
            "arn:aws:cloudformation:us-east-1:123456789012:stack/PinterestAffiliateBackendStack/abc";
        var error = AwsErrors.FromXml(new AwsCall("cloudformation", "DescribeStackResources", "prod-admin"), HttpStatusCode.Forbidden, $"""
            <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/"><Error><Type>Sender</Type><Code>AccessDenied</Code>
            <Message>{refusal}</Message>
            </Error><RequestId>b9b4b068-example</RequestId></ErrorResponse>
            """);

        var alert = Render<TroubleAlert>(p => p.Add(c => c.Trouble, Troubleshooter.Explain(error)));

        Assert.Equal("AccessDenied", alert.Find("[data-testid='trouble']").GetAttribute("data-kind"));
        Assert.Contains("Add the IAM permission cloudformation:DescribeStackResources on arn:aws:cloudformation:us-east-1:123456789012:stack/PinterestAffiliateBackendStack/abc",
            alert.Find("[data-testid='trouble-next']").TextContent);
        Assert.DoesNotContain(" at CreatorPlatform", alert.Markup);
    }

    [Fact]
    public void Expired_credentials_show_the_sso_login_command_for_the_profile()
    {
        var error = AwsErrors.FromJson(new AwsCall("cognito-idp", "ListUsers", "prod-admin"), HttpStatusCode.BadRequest, null,
            """{"__type":"ExpiredTokenException","message":"The security token included in the request is expired"}""");

        var alert = Render<TroubleAlert>(p => p.Add(c => c.Trouble, Troubleshooter.Explain(error)));

        Assert.Equal("aws sso login --profile prod-admin", alert.Find("[data-testid='trouble-command']").TextContent);
    }

    [Fact]
    public void A_missing_stack_shows_the_deploy_command()
    {
        var error = AwsErrors.FromXml(new AwsCall("cloudformation", "DescribeStacks", "prod-admin"), HttpStatusCode.BadRequest,
            "<ErrorResponse><Error><Type>Sender</Type><Code>ValidationError</Code><Message>Stack with id PinterestAffiliateStorageStack does not " +
                "exist</Message></Error></ErrorResponse>");

        var alert = Render<TroubleAlert>(p => p.Add(c => c.Trouble, Troubleshooter.Explain(error)));

        Assert.Contains("The stack PinterestAffiliateStorageStack does not exist", alert.Markup);
        Assert.Equal("npx cdk deploy PinterestAffiliateStorageStack --profile prod-admin", alert.Find("[data-testid='trouble-command']").TextContent);
    }

    [Fact]
    public void A_stuck_index_links_to_the_tables_screen_unless_it_is_shown_there()
    {
        var now = DateTimeOffset.UtcNow;
        var trouble = Troubleshooter.IndexStuck("ProductsTable", "status-index", now.AddHours(-1), now, 0, null)!;

        var elsewhere = Render<TroubleAlert>(p => p.Add(c => c.Trouble, trouble));
        var onTables = Render<TroubleAlert>(p => p.Add(c => c.Trouble, trouble).Add(c => c.Here, ConsoleScreen.Tables));

        Assert.Contains("not throttled (OnlineIndexThrottleEvents is 0)", elsewhere.Markup);
        Assert.Equal(("/tables", "Open Tables & indexes"), (elsewhere.Find("a").GetAttribute("href"), elsewhere.Find("a").TextContent));
        Assert.Empty(onTables.FindAll("a"));
    }
}
