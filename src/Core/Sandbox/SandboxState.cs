namespace CreatorPlatform.Core.Sandbox;

/// <summary>
/// What Core knows of the local sandbox: its emulators' health and its user pool. The sandbox project (src/Sandbox)
/// implements it; without it (AWS mode, or services built without the sandbox) there is no sandbox to tell of.
/// </summary>
public interface ISandboxState
{
    /// <summary>Whether the emulators run, for the banner on every page; null before the sandbox started (and in AWS mode).</summary>
    SandboxHealth? Health { get; }

    /// <summary>Raised from the supervisor's thread when an emulator stops, is restarted, or cannot be.</summary>
    event Action<SandboxHealth>? HealthChanged;

    /// <summary>The sandbox's own user pool (its stand-in for the stack outputs); null while it is not provisioned.</summary>
    string? UserPoolId { get; }
}

internal sealed class NoSandbox : ISandboxState
{
    public SandboxHealth? Health => null;

    public event Action<SandboxHealth>? HealthChanged
    {
        add { }
        remove { }
    }

    public string? UserPoolId => null;
}

public enum SandboxHealthState { Running, Down, Failed }

/// <summary>What every page says of the sandbox's emulators: running (with a note after a recovery), down while being restarted, or given up on.</summary>
public sealed record SandboxHealth(SandboxHealthState State, string Message, DateTimeOffset Since)
{
    public const string DynamoDbName = "DynamoDB Local";
    public const string CognitoName = "cognito-local";

    public bool Up => State == SandboxHealthState.Running;
    /// <summary>The emulators that are down, by name (<see cref="DynamoDbName"/>, <see cref="CognitoName"/>).</summary>
    public IReadOnlyList<string> DownEmulators { get; init; } = [];
    public bool DynamoDbDown => DownEmulators.Contains(DynamoDbName);
    /// <summary>Running again after a restart: worth telling the pages that showed it down.</summary>
    public bool Recovered { get; init; }
}
