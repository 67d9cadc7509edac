using Microsoft.Extensions.Configuration;

namespace CreatorPlatform.Core;

/// <summary>
/// Reads <c>Platform:Mode</c> by name only. The options binder would also take a number ("2") as an enum value that is
/// neither mode, which once meant real AWS credentials together with the sandbox's automatic admin.
/// </summary>
public static class PlatformModes
{
    /// <summary>Sandbox when unset (the default for <c>dotnet run</c>); null when the value names neither mode.</summary>
    public static PlatformMode? Parse(string? raw) => raw?.Trim() switch
    {
        null or "" => PlatformMode.Sandbox,
        var s when s.Equals(nameof(PlatformMode.Sandbox), StringComparison.OrdinalIgnoreCase) => PlatformMode.Sandbox,
        var s when s.Equals(nameof(PlatformMode.Aws), StringComparison.OrdinalIgnoreCase) => PlatformMode.Aws,
        _ => null,
    };

    public static PlatformMode? Read(IConfiguration configuration) => Parse(configuration[$"{PlatformOptions.Section}:Mode"]);

    public static string Unknown(string? raw) =>
        $"Platform:Mode '{raw}' is neither Sandbox nor Aws. Set Platform__Mode=Sandbox for the local sandbox or Platform__Mode=Aws for a real account.";
}
