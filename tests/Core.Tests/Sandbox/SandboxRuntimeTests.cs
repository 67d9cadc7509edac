using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Sandbox;

/// <summary>The runtime starts its own emulators, as the app does, on free ports and in memory.</summary>
public sealed class SandboxRuntimeTests
{
    [Fact]
    public async Task Reset_removes_whatever_was_added_and_provisions_the_pre_rollout_state_again()
    {
        var fixture = new EmulatorFixture();
        await using var services = fixture.Services(s => s["Platform:Sandbox:ProductCount"] = "15");
        var runtime = services.GetRequiredService<SandboxRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var schema = services.GetRequiredService<PlatformSchema>();
        var firstPool = runtime.Manifest!.UserPoolId;
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.Creators));
        var victim = (await dynamoDb.ScanAsync(new ScanRequest(schema.Products.Name) { Limit = 1 })).Items[0];
        await dynamoDb.DeleteItemAsync(schema.Products.Name, new() { ["id"] = victim["id"] });

        await runtime.ResetAsync(CancellationToken.None);

        var tables = (await dynamoDb.ListTablesAsync()).TableNames;
        Assert.Equal([schema.Ops.Name, schema.Products.Name], tables.Order());
        Assert.Equal(15, (await dynamoDb.ScanAsync(new ScanRequest(schema.Products.Name))).Count);
        Assert.NotNull(runtime.Manifest!.UserPoolId);
        Assert.NotEqual(firstPool, runtime.Manifest.UserPoolId);
        var log = await services.GetRequiredService<CreatorPlatform.Core.Audit.AuditReader>().ReadAsync(new(), null, 10, CancellationToken.None);
        var entry = Assert.Single(log.Entries);
        Assert.Equal(("sandbox.reset", EmulatorFixture.TestAdmin.Name), (entry.Action, entry.ActorName));
        await runtime.DisposeAsync();
    }

    [Fact]
    public async Task A_port_taken_by_another_program_is_a_clear_message()
    {
        using var squatter = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        squatter.Start();
        var port = ((System.Net.IPEndPoint)squatter.LocalEndpoint).Port;
        var tools = Path.Combine(RepositoryPaths.Root, ".sandbox", "tools");

        var error = await Assert.ThrowsAsync<SandboxException>(() =>
            SandboxEmulators.StartAsync(tools, null, port, SandboxEmulators.FreePort(), Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance, CancellationToken.None));

        Assert.Contains($"Port {port} is taken by process {Environment.ProcessId}", error.Message);
        Assert.Contains("Platform__Sandbox__DynamoDbPort", error.Message);
    }
}
