using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>The SDK's DynamoDB client against AWS's documented DescribeContinuousBackups answers, served from a local listener (DynamoDB Local lacks the call).</summary>
public sealed class PitrServiceTests
{
    [Fact]
    public async Task An_enabled_table_reads_as_on_with_its_earliest_and_latest_restorable_times()
    {
        await using var server = Serve(new CannedResponse(200, PitrResponses.Enabled, PitrResponses.ContentType));

        var pitr = await Service(server).ReadAsync("ProductsTable", default);

        Assert.Equal(PitrState.Enabled, pitr.State);
        Assert.Equal(new DateTimeOffset(2025, 12, 1, 0, 0, 0, TimeSpan.Zero), pitr.EarliestRestorable);
        Assert.Equal(new DateTimeOffset(2025, 12, 30, 0, 0, 0, TimeSpan.Zero), pitr.LatestRestorable);
        Assert.Equal(35, pitr.RecoveryPeriodDays);
        Assert.Contains("2025-12-01 00:00 UTC", pitr.Detail);
        var request = Assert.Single(server.Requests);
        Assert.Equal("DynamoDB_20120810.DescribeContinuousBackups", request.Headers["X-Amz-Target"]);
        Assert.Contains("\"TableName\":\"ProductsTable\"", request.Body);
    }

    [Fact]
    public async Task A_disabled_table_reads_as_off_and_names_the_cdk_line_that_turns_it_on()
    {
        await using var server = Serve(new CannedResponse(200, PitrResponses.Disabled, PitrResponses.ContentType));

        var pitr = await Service(server).ReadAsync("ProductsTable", default);

        Assert.Equal(PitrState.Disabled, pitr.State);
        Assert.Null(pitr.EarliestRestorable);
        Assert.Contains(PitrService.CdkLine, pitr.Detail);
    }

    [Fact]
    public async Task An_error_answer_reads_as_unreadable_with_the_error_code()
    {
        await using var server = Serve(new CannedResponse(400, PitrResponses.TableNotFound, PitrResponses.ContentType));

        var pitr = await Service(server).ReadAsync("ProductsTable", default);

        Assert.Equal(PitrState.Unreadable, pitr.State);
        Assert.Contains("TableNotFoundException", pitr.Detail);
    }

    [Fact]
    public async Task Before_a_migration_in_aws_mode_a_products_table_without_pitr_gets_a_warning()
    {
        await using var server = Serve(new CannedResponse(200, PitrResponses.Disabled, PitrResponses.ContentType));

        var warning = await Service(server).MigrationWarningAsync(default);

        Assert.NotNull(warning);
        Assert.Contains("ProductsTable has no point-in-time recovery", warning);
    }

    [Fact]
    public async Task Before_a_migration_a_products_table_with_pitr_gets_no_warning()
    {
        await using var server = Serve(new CannedResponse(200, PitrResponses.Enabled, PitrResponses.ContentType));

        Assert.Null(await Service(server).MigrationWarningAsync(default));
    }

    [Fact]
    public async Task In_the_sandbox_it_says_not_available_here_without_asking()
    {
        await using var server = Serve();
        var sandbox = new AwsContext(Options.Create(new PlatformOptions { Mode = PlatformMode.Sandbox }));

        var pitr = await Service(server, sandbox).ReadAsync("ProductsTable", default);

        Assert.Equal(PitrState.NotAvailable, pitr.State);
        Assert.StartsWith("Not available here", pitr.Detail);
        Assert.Empty(server.Requests);
    }

    private static LocalHttpServer Serve(params CannedResponse[] answers) => new(answers);

    private static PitrService Service(LocalHttpServer server, AwsContext? context = null)
    {
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("AKIDEXAMPLE", "secret"),
            new AmazonDynamoDBConfig { ServiceURL = server.Uri.ToString(), MaxErrorRetry = 0, AuthenticationRegion = "us-east-1" });
        return new PitrService(client, new PlatformSchema(Options.Create(new PlatformOptions())), context ?? AwsTestClients.Context());
    }
}
