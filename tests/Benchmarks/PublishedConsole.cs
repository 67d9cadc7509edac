using System.Runtime.InteropServices;
using CreatorPlatform.Core;

namespace CreatorPlatform.Benchmarks;

/// <summary>
/// The console as production runs it: <c>dotnet publish -c Release src/AdminConsole</c>, the Dockerfile's output
/// (ahead-of-time compiled for this machine's runtime, assets served as immutable). Benchmarks time this, not a build.
/// </summary>
public static class PublishedConsole
{
    public static string Dll { get; } =
        Path.Combine(RepositoryPaths.Root, "src", "AdminConsole", "bin", "Release", "net10.0", RuntimeInformation.RuntimeIdentifier, "publish", "AdminConsole.dll");

    /// <summary>The published console, or a clear error that says how to make it.</summary>
    public static string Require(string dll)
    {
        if (!File.Exists(dll)) throw new FileNotFoundException($"Publish the console first: dotnet publish -c Release src/AdminConsole ({dll} is missing).");
        return dll;
    }
}
