namespace CreatorPlatform.Core.Sandbox;

/// <summary>The sandbox's user pool. Provisioned through the Cognito client once it lands (issue 4's clients).</summary>
public sealed class SandboxUsers
{
    public Task<string?> ProvisionAsync(CancellationToken ct) => Task.FromResult<string?>(null);

    public Task DeletePoolAsync(string poolId, CancellationToken ct) => Task.CompletedTask;
}
