using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Troubleshooting;

public sealed class SandboxTroubleTests
{
    [Fact]
    public async Task An_emulator_that_does_not_answer_in_the_sandbox_is_explained_without_AWS_regions()
    {
        var closedPort = SandboxEmulators.FreePort();
        var client = new AmazonDynamoDBClient(new BasicAWSCredentials("sandbox", "sandbox"),
            new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{closedPort}", MaxErrorRetry = 0 });
        var error = await Assert.ThrowsAnyAsync<Exception>(() => client.ListTablesAsync());
        var troubleshooter = new Troubleshooter(Options.Create(new PlatformOptions { Mode = PlatformMode.Sandbox, Region = "us-east-1" }));

        var trouble = troubleshooter.Explain(error is AmazonServiceException { InnerException: HttpRequestException inner } ? inner : error);

        Assert.Equal(TroubleKind.Unreachable, trouble.Kind);
        Assert.Equal("The sandbox's emulator did not answer", trouble.Title);
        Assert.DoesNotContain("region", trouble.NextAction, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("restarts one that stopped", trouble.NextAction);
    }
}
