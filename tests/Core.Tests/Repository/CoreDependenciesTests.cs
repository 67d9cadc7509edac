using System.Reflection;

namespace CreatorPlatform.Core.Tests.Repository;

/// <summary>Core holds the platform's rules and AWS calls; the sandbox (emulators, provisioning, sample traffic) is its own project.</summary>
public sealed class CoreDependenciesTests
{
    private static readonly Assembly Core = typeof(PlatformOptions).Assembly;

    [Fact]
    public void Core_references_neither_the_sandbox_project_nor_Bogus()
    {
        var references = Core.GetReferencedAssemblies().Select(a => a.Name).ToList();

        Assert.DoesNotContain("CreatorPlatform.Sandbox", references);
        Assert.DoesNotContain("Bogus", references);
        Assert.Contains("AWSSDK.DynamoDBv2", references);
    }

    [Fact]
    public void The_emulators_launcher_provisioning_and_sample_traffic_live_in_the_sandbox_assembly()
    {
        var sandbox = typeof(global::CreatorPlatform.Sandbox.SandboxRuntime).Assembly;

        Assert.Equal("CreatorPlatform.Sandbox", sandbox.GetName().Name);
        Assert.Same(sandbox, typeof(global::CreatorPlatform.Sandbox.Traffic.SandboxTrafficGenerator).Assembly);
        Assert.Same(sandbox, typeof(global::CreatorPlatform.Sandbox.LegacyProducts).Assembly);
        Assert.DoesNotContain(Core.GetTypes(), t => t.Name is "SandboxRuntime" or "SandboxEmulators" or "SandboxTrafficGenerator" or "LegacyProducts");
    }
}
