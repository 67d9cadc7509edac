namespace AwsMode.Tests.Infrastructure;

/// <summary>The built console run as an admin runs it against AWS: one cold <c>dotnet AdminConsole.dll verb</c> per call, Mode=Aws.</summary>
public sealed class ConsoleCli(MotoPlatform platform)
{
    public List<ChildResult> History { get; } = [];

    public Task<ChildResult> RunAsync(params string[] args) => RunWithAsync(new Dictionary<string, string?>(), args);

    /// <summary>A verb with settings or endpoints of its own, e.g. <c>Platform__Tables__Ops</c> for a console table of the test's own.</summary>
    public async Task<ChildResult> RunWithAsync(IDictionary<string, string?> settings, params string[] args)
    {
        var environment = platform.AwsEnvironment();
        environment["Platform__Mode"] = "Aws";
        environment["Platform__Region"] = platform.Region;
        environment["Platform__Profile"] = "";
        environment["DOTNET_NOLOGO"] = "1";
        foreach (var (name, value) in settings) environment[name] = value;
        var result = await ChildProcess.RunAsync("dotnet", [Path.Combine(AppFolder(), "AdminConsole.dll"), .. args], environment,
            TimeSpan.FromMinutes(3), AppFolder()) with { Command = string.Join(' ', args) };
        History.Add(result);
        return result;
    }

    /// <summary>The AdminConsole build beside this test build (same configuration), as the other process tests find it.</summary>
    public static string AppFolder()
    {
        var testBin = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var configuration = testBin.Parent!.Name;
        var root = testBin;
        while (root is not null && !File.Exists(Path.Combine(root.FullName, "Admin.sln"))) root = root.Parent;
        return Path.Combine(root!.FullName, "src", "AdminConsole", "bin", configuration, testBin.Name);
    }
}
