using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Sandbox;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Creators;

public enum UserPoolSource { Settings, StackOutputs, SandboxManifest }

/// <summary>The user pool the console works on, and where its id came from (shown next to it).</summary>
public sealed record DiscoveredUserPool(string Id, UserPoolSource Source, string Detail);

/// <summary>
/// Finds the platform's user pool: <c>Platform:UserPoolId</c> when set, else the stack's <c>UserPoolId</c> output in
/// AWS mode, else the sandbox manifest (the sandbox's stand-in for the stack outputs).
/// </summary>
public sealed class UserPoolLocator(IOptions<PlatformOptions> options, ICloudFormationClient cloudFormation, ISandboxState sandbox)
{
    public const string OutputKey = "UserPoolId";
    private DiscoveredUserPool? fromStack;

    public async Task<DiscoveredUserPool> GetAsync(CancellationToken ct)
    {
        var settings = options.Value;
        if (!string.IsNullOrWhiteSpace(settings.UserPoolId))
            return new(settings.UserPoolId, UserPoolSource.Settings, "Platform:UserPoolId in the settings");
        if (settings.Mode == PlatformMode.Sandbox)
        {
            // Read every time: a sandbox reset provisions a new pool.
            var id = sandbox.UserPoolId
                ?? throw new UserPoolNotFoundException("The sandbox has no user pool yet: it is still starting, or its provisioning failed.");
            return new(id, UserPoolSource.SandboxManifest, "the sandbox's own user pool (the sandbox has no CloudFormation stack)");
        }
        if (fromStack is not null) return fromStack;
        IReadOnlyDictionary<string, string> outputs;
        try
        {
            outputs = await cloudFormation.GetStackOutputsAsync(settings.StackName, ct);
        }
        catch (StackNotFoundException e)
        {
            throw new UserPoolNotFoundException($"Platform:UserPoolId is empty and the stack '{settings.StackName}' was not found ({e.Message}). "
                + "Set Platform:UserPoolId or Platform:StackName.");
        }
        if (!outputs.TryGetValue(OutputKey, out var poolId) || string.IsNullOrWhiteSpace(poolId))
            throw new UserPoolNotFoundException($"The stack '{settings.StackName}' has no '{OutputKey}' output. Set Platform:UserPoolId.");
        return fromStack = new(poolId, UserPoolSource.StackOutputs, $"output {OutputKey} of the stack {settings.StackName}");
    }
}

/// <summary>No user pool could be found; the message says which setting to give.</summary>
public sealed class UserPoolNotFoundException(string message) : Exception(message);
