using System.Diagnostics;
using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Sandbox;

/// <summary>The banner over a real in-memory sandbox whose DynamoDB Local is killed while a job uses it.</summary>
public sealed class SandboxHealthBannerTests : MudTestContext
{
    [Fact]
    public async Task DynamoDB_Local_killed_mid_job_shows_on_the_page_and_the_page_says_when_it_is_back()
    {
        await using var core = CoreServices();
        var runtime = core.GetRequiredService<SandboxRuntime>();
        await runtime.StartAsync(CancellationToken.None);
        Services.AddSingleton<ISandboxState>(runtime);
        var banner = Render<SandboxHealthBanner>();
        var quiet = banner.FindAll("[data-testid='sandbox-health']").Count;
        var job = core.GetRequiredService<JobRunner>().Start("probe", "Probe", async j =>
        {
            Kill(runtime.EmulatorProcessIds[SandboxEmulators.DynamoDbName]);
            await core.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>().ListTablesAsync(j.CancellationToken);
        });

        banner.WaitForAssertion(() => Assert.Contains("DynamoDB Local stopped at", banner.Find("[data-testid='sandbox-health']").TextContent), TimeSpan.FromSeconds(30));
        var down = banner.Find("[data-testid='sandbox-health']").TextContent;
        banner.WaitForAssertion(() => Assert.Equal("Running", banner.Find("[data-testid='sandbox-health']").GetAttribute("data-state")), TimeSpan.FromMinutes(2));
        await job.Completion.WaitAsync(TimeSpan.FromMinutes(1));

        Assert.Equal(0, quiet);
        Assert.Contains("actions fail until it is back", down);
        Assert.Contains("was restarted at", banner.Find("[data-testid='sandbox-health']").TextContent);
        Assert.Equal(JobState.Failed, job.State);
        await runtime.DisposeAsync();
    }

    private static ServiceProvider CoreServices()
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:RealisticDelays"] = "false",
            ["Platform:Sandbox:DynamoDbPort"] = SandboxEmulators.FreePort().ToString(),
            ["Platform:Sandbox:CognitoPort"] = SandboxEmulators.FreePort().ToString(),
            ["Platform:Sandbox:ProductCount"] = "5",
            ["Platform:Sandbox:SuperviseMilliseconds"] = "200",
        };
        var services = new ServiceCollection().AddLogging();
        services.AddSingleton<ICurrentActor>(new FixedActor(new Actor("Test Admin", "oid-test", AdminRole.Admin, "tests")));
        services.AddCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build()).AddSandbox();
        return services.BuildServiceProvider();
    }

    private static void Kill(int pid)
    {
        using var process = Process.GetProcessById(pid);
        process.Kill(entireProcessTree: true);
    }
}
