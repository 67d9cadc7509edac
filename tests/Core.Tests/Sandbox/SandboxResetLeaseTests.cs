using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Sandbox;

public sealed class SandboxResetLeaseTests
{
    [Fact]
    public async Task A_reset_while_another_process_runs_a_job_is_refused_and_deletes_nothing()
    {
        await using var services = new EmulatorFixture().Services(s => s["Platform:Sandbox:ProductCount"] = "5");
        var runtime = services.GetRequiredService<SandboxRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        var otherProcess = ActivatorUtilities.CreateInstance<JobLease>(services);
        await using var held = await otherProcess.AcquireAsync("migration", "alice", "run-1", default);

        var refused = await Assert.ThrowsAsync<SandboxException>(() => runtime.ResetAsync(CancellationToken.None));

        Assert.Contains("cannot be reset while a migration job runs (started by alice", refused.Message);
        var tables = (await services.GetRequiredService<IAmazonDynamoDB>().ListTablesAsync()).TableNames;
        Assert.Contains(services.GetRequiredService<PlatformSchema>().Products.Name, tables);
        await runtime.DisposeAsync();
    }
}
