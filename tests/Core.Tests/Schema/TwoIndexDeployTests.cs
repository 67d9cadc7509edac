using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Schema;

/// <summary>Both new indexes in one deploy: the advice before, and the rollback read from the stack's documented events.</summary>
public sealed class TwoIndexDeployTests
{
    private static readonly PlatformSchema Schema = new(Options.Create(new PlatformOptions()));

    [Fact]
    public async Task With_both_new_indexes_missing_the_advice_gives_two_deploys_with_the_wait_between()
    {
        await using var server = new LocalHttpServer();
        var indexes = Schema.Products.Indexes.Select(i => new IndexStatus(i.Name, !i.AddedByRollout, null, false, null, i.AddedByRollout)).ToList();

        var advice = Deploy(server, profile: "").Advice(Schema.Products, indexes);

        Assert.StartsWith("creatorId-index and status-index are both missing, and CloudFormation adds one index per table per stack update", advice!.Message);
        var steps = advice.Action!.TrimStart('\n').Split('\n');
        Assert.Equal("1. In infrastructure/lib/storage-stack.ts add only creatorId-index to ProductsTable, then: npx cdk deploy PinterestAffiliateStorageStack", steps[0]);
        Assert.StartsWith("   Wait until creatorId-index is ACTIVE", steps[1]);
        Assert.Equal("2. In infrastructure/lib/storage-stack.ts add only status-index to ProductsTable, then: npx cdk deploy PinterestAffiliateStorageStack", steps[2]);
    }

    [Fact]
    public async Task With_one_index_left_there_is_no_two_step_advice()
    {
        await using var server = new LocalHttpServer();
        var indexes = Schema.Products.Indexes.Select(i => new IndexStatus(i.Name, i.Name != PlatformSchema.StatusIndex, null, false, null, i.AddedByRollout)).ToList();

        Assert.Null(Deploy(server).Advice(Schema.Products, indexes));
    }

    [Fact]
    public async Task A_last_update_that_rolled_back_over_two_index_creations_is_named_with_its_reason()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, Events(
            ("PinterestAffiliateStorageStack", "UPDATE_ROLLBACK_COMPLETE", ""),
            ("ProductsTable", "UPDATE_FAILED", "Cannot perform more than one GSI creation or deletion in a single update"),
            ("PinterestAffiliateStorageStack", "UPDATE_IN_PROGRESS", "User Initiated"))));

        var finding = await Deploy(server).RollbackAsync(Schema.Products, default);

        Assert.Contains("last update rolled back", finding!.Message);
        Assert.Contains("ProductsTable: Cannot perform more than one GSI creation or deletion in a single update", finding.Message);
    }

    [Fact]
    public async Task An_update_that_completed_after_the_rollback_clears_it()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, Events(
            ("PinterestAffiliateStorageStack", "UPDATE_COMPLETE", ""),
            ("ProductsTable", "UPDATE_FAILED", "Cannot perform more than one GSI creation or deletion in a single update"))));

        Assert.Null(await Deploy(server).RollbackAsync(Schema.Products, default));
    }

    private static TwoIndexDeploy Deploy(LocalHttpServer server, string profile = "dev") =>
        new(AwsTestClients.CloudFormation(server), Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Profile = profile }));

    /// <summary>DescribeStackEvents as the API reference shows it, newest first.</summary>
    private static string Events(params (string Logical, string Status, string Reason)[] events) => $"""
        <DescribeStackEventsResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackEventsResult>
            <StackEvents>
              {string.Concat(events.Select((e, i) => $"<member><EventId>e{i}</EventId><StackName>PinterestAffiliateStorageStack</StackName>" +
                  $"<LogicalResourceId>{e.Logical}</LogicalResourceId><ResourceType>AWS::DynamoDB::Table</ResourceType>" +
                  $"<Timestamp>2026-12-0{3 - Math.Min(i, 2)}T10:00:00Z</Timestamp><ResourceStatus>{e.Status}</ResourceStatus>" +
                  $"<ResourceStatusReason>{e.Reason}</ResourceStatusReason></member>"))}
            </StackEvents>
          </DescribeStackEventsResult>
        </DescribeStackEventsResponse>
        """;
}
