using System.Text.Json;
using AdminConsole.Cli;
using AdminConsole.Tests.Infrastructure;
using AdminConsole.Tests.Security;
using CreatorPlatform.Core;

namespace AdminConsole.Tests.Cli;

/// <summary>
/// The emulators of <see cref="HostileWorld"/> in a sandbox folder the command line joins: the verbs run in this process
/// as the executable runs them, over creators, users and e-mails an attacker wrote.
/// </summary>
public sealed class HostileSandboxFixture : JobsFixture
{
    private readonly string folder = Directory.CreateTempSubdirectory("hostile-cli-").FullName;

    protected override string? DataFolder => Path.Combine(folder, "data");
    public HostileWorld World { get; private set; } = null!;

    /// <summary>The settings a verb reads from the environment: this sandbox, and the world's tables.</summary>
    public IReadOnlyDictionary<string, string?> Environment => World.Settings.Where(s => s.Key != "Platform:UserPoolId")
        .ToDictionary(s => s.Key.Replace(":", "__"), s => s.Value)
        .Concat(new Dictionary<string, string?>
        {
            ["Platform__Mode"] = "Sandbox", ["Platform__Sandbox__DataFolder"] = folder, ["Platform__Sandbox__InMemory"] = "false",
            ["Platform__Sandbox__DynamoDbPort"] = DynamoDbPort.ToString(), ["Platform__Sandbox__CognitoPort"] = CognitoPort.ToString(),
        }).ToDictionary();

    public override async Task InitializeAsync()
    {
        // The sandbox's tools are the checkout's; its data is this folder's.
        Directory.CreateSymbolicLink(Path.Combine(folder, "tools"), Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"));
        await base.InitializeAsync();
        World = await HostileWorld.CreateAsync(this);
        // Provisioned already: the sandbox's user pool is the world's.
        await File.WriteAllTextAsync(Path.Combine(folder, "data", "sandbox.json"),
            JsonSerializer.Serialize(new { ProvisionedAt = DateTimeOffset.UtcNow, UserPoolId = World.Settings["Platform:UserPoolId"], ProductCount = 0, Seed = 0 }));
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        Directory.Delete(folder, recursive: true);
    }
}

/// <summary>
/// Slugs, usernames and e-mails holding terminal escapes, direction overrides and line breaks that would print a fake
/// line: the verbs show each visibly, on its own line, and nothing in them acts on the terminal.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class HostileVerbsTests(HostileSandboxFixture sandbox) : IClassFixture<HostileSandboxFixture>
{
    [Theory]
    [InlineData("access", "check")]
    [InlineData("group", "list")]
    [InlineData("verify", "--no-walk")]
    [InlineData("verify")]
    [InlineData("status")]
    public async Task A_verb_prints_hostile_data_visibly_and_no_line_of_the_datas_own(params string[] args)
    {
        var (_, output, errors) = await RunAsync(args);

        var printed = output + errors;
        Assert.DoesNotContain('\u001b', printed);
        Assert.DoesNotContain('\u0007', printed);
        Assert.DoesNotContain('\r', printed);
        HostileText.AssertShownVisibly(printed);
        Assert.DoesNotContain(printed.Split('\n'), line => line.TrimStart().StartsWith(HostileText.FakeLine, StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("access", "check")]
    [InlineData("group", "list")]
    public async Task The_creators_verbs_name_each_hostile_slug_and_e_mail_visibly(params string[] args)
    {
        var (_, output, _) = await RunAsync(args);

        Assert.Contains("nl␊" + HostileText.FakeLine, output);
        Assert.Contains("cr␍" + HostileText.FakeLine + "⟨U+2028⟩" + HostileText.FakeLine + "⟨U+0085⟩" + HostileText.FakeLine, output);
        Assert.Contains("t␛]0;pwned␇␛[2J", output);
        Assert.Contains("abc⟨U+202E⟩gnp.exe", output);
        Assert.Contains("iso⟨U+2067⟩⟨U+202D⟩fake⟨U+2069⟩", output);
    }

    /// <summary>
    /// A verb that fails for a reason it expects (an unknown creator, a group that is not there) says it as every failure
    /// is said: one <c>failed:</c> line on stderr, nothing on stdout; with <c>--json</c>, the reason is the document's error.
    /// </summary>
    [Fact]
    public async Task A_verb_that_fails_for_an_expected_reason_says_it_on_stderr_and_as_the_json_documents_error()
    {
        var (exit, output, errors) = await RunAsync(["link", "--slug", "no-such-creator", "--user", "nobody"]);
        var missingGroup = new Dictionary<string, string?>(sandbox.Environment) { ["Platform__CreatorsGroup__Name"] = "NoSuchGroup" };
        var (jsonExit, json, jsonErrors) = await InProcessCli.RunAsync(["group", "list", "--json"], missingGroup, TimeSpan.FromSeconds(120), width: 1000);

        Assert.Equal(1, exit);
        Assert.Equal("", output);
        var failed = Assert.Single(errors.Split('\n'), l => l.StartsWith("failed: ", StringComparison.Ordinal));
        Assert.Contains("no-such-creator", failed);
        Assert.Equal(1, jsonExit);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        Assert.Equal("The Cognito group 'NoSuchGroup' does not exist. Create it first: Creators page → Group → Ensure group.",
            document.RootElement.GetProperty("error").GetString());
        Assert.Contains(jsonErrors.Split('\n'), l => l.StartsWith("failed: The Cognito group 'NoSuchGroup' does not exist", StringComparison.Ordinal));
    }

    private Task<(int Exit, string Output, string Errors)> RunAsync(string[] args) =>
        InProcessCli.RunAsync(args, sandbox.Environment, TimeSpan.FromSeconds(120), width: 1000);
}
