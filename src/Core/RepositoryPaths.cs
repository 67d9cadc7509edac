
namespace CreatorPlatform.Core;

/// <summary>Where the repository root is, so that the app, the CLI and the tests share one <c>.sandbox/</c>.</summary>
public static class RepositoryPaths
{
    private const string Marker = "Admin.sln";

    /// <summary>The folder holding Admin.sln above the working directory or the executable; else the executable's folder.</summary>
    public static string Root { get; } = FindRoot();

    public static string Resolve(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root, path));

    private static string FindRoot()
    {
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (File.Exists(Path.Combine(dir.FullName, Marker)))
                    return dir.FullName;
        return AppContext.BaseDirectory;
    }
}
