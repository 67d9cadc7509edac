using System.Diagnostics;

namespace CreatorPlatform.Core.Tests.Repository;

/// <summary>The repository's MSBuild rules, evaluated by MSBuild itself on a copy of the project files.</summary>
public sealed class BuildLayoutTests
{
    [Fact]
    public async Task A_clone_inside_a_folder_named_tests_still_builds_src_as_code_and_tests_as_tests()
    {
        var root = RepositoryRoot();
        var clone = Path.Combine(Path.GetTempPath(), $"tests-{Guid.NewGuid():N}", "tests", "clone");
        foreach (var file in new[] { "Directory.Build.props", "Directory.Packages.props", "src/Core/Core.csproj", "tests/Core.Tests/Core.Tests.csproj" })
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(clone, file))!);
            File.Copy(Path.Combine(root, file), Path.Combine(clone, file));
        }

        var core = await IsTestProjectAsync(Path.Combine(clone, "src/Core"));
        var tests = await IsTestProjectAsync(Path.Combine(clone, "tests/Core.Tests"));

        Assert.Equal("", core);
        Assert.Equal("true", tests);
        Directory.Delete(Path.GetDirectoryName(Path.GetDirectoryName(clone))!, recursive: true);
    }

    private static async Task<string> IsTestProjectAsync(string projectFolder)
    {
        var start = new ProcessStartInfo("dotnet", ["msbuild", projectFolder, "-getProperty:IsTestProject"])
        {
            RedirectStandardOutput = true, RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var output = await process.StandardOutput.ReadToEndAsync();
        await process.WaitForExitAsync();
        Assert.True(process.ExitCode == 0, output);
        return output.Trim();
    }

    private static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Directory.Build.props"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("Directory.Build.props not found above the test's folder.");
    }
}
