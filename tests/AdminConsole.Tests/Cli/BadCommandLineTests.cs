using System.Net;
using System.Net.Sockets;
using AdminConsole.Cli;
using AdminConsole.Tests.Security;

namespace AdminConsole.Tests.Cli;

/// <summary>
/// Every verb with missing, malformed, huge, negative and hostile arguments, run in this process as the executable
/// runs it, against an AWS endpoint that only counts connections: each ends non-zero in at most two lines on stderr,
/// with no stack trace, and nothing reaches AWS.
/// </summary>
[Collection(TerminalCollection.Name)]
public sealed class BadCommandLineTests
{
    private static readonly string Long = new('a', 5000);

    public static TheoryData<string[]> BadCommandLines => new()
    {
        new[] { "migrat" },
        new[] { "migrate", "--segments", "abc" },
        new[] { "migrate", "--segments", "-1" },
        new[] { "migrate", "--concurrency", "99999999999" },
        new[] { "migrate", "--concurrency" },
        new[] { "migrate", "--bogus" },
        new[] { "migrate", "--join", "--segments", "4" },
        new[] { "migrate", "undo", "--run", Long },
        new[] { "migrate", "undo", "--run", HostileText.SvgOnload },
        new[] { "migrate", "repair-featured", "extra" },
        new[] { "analytics" },
        new[] { "analytics", "generate", "--events", "99999999999" },
        new[] { "analytics", "generate", "--events", "-5" },
        new[] { "analytics", "generate", "--days", "0" },
        new[] { "analytics", "reconcile", "--creator", "a b" },
        new[] { "analytics", "reconcile", "--from", "2026-13-45" },
        new[] { "analytics", "rebuild", "--creator", Long },
        new[] { "analytics", "rebuild", "--since-last", "--from", "2026-01-01" },
        new[] { "analytics", "restore", "--run", HostileText.TerminalEscape },
        new[] { "onboard" },
        new[] { "onboard", "--slug", "newbie", "--display-name", "New Bie", "--user", "has space" },
        new[] { "onboard", "--slug", HostileText.MetaRefresh, "--display-name", "X", "--user", "bob" },
        new[] { "onboard", "--slug", "newbie", "--display-name", HostileText.BidiOverride, "--user", "bob" },
        new[] { "onboard", "--slug", "newbie", "--display-name", "New", "--user", "bob", "--email", "not-an-email" },
        new[] { "link", "--slug", "jesskoufo" },
        new[] { "link", "--slug", "jesskoufo", "--user", Long },
        new[] { "group", "frobnicate" },
        new[] { "group", "add" },
        new[] { "group", "add", "has space" },
        new[] { "group", "remove", HostileText.TerminalEscape },
        new[] { "ungroup" },
        new[] { "unlink", "--slug", "" },
        new[] { "disable", "--slug", "x y" },
        new[] { "status", "--bogus" },
        new[] { "schema" },
        new[] { "schema", "apply", "--bogus" },
        new[] { "verify", "--strict=maybe" },
        new[] { "access" },
        new[] { "access", "check", "--bogus" },
        new[] { "access", "check", "--rate", "0" },
        new[] { "access", "check", "--rate", "500" },
        new[] { "verify", "--rate", "fast" },
        new[] { "group", "list", "--rate", "-1" },
        new[] { "sandbox", "--reset", "extra" },
    };

    [Theory]
    [MemberData(nameof(BadCommandLines))]
    public async Task A_bad_command_line_ends_non_zero_in_two_lines_without_a_stack_trace_and_reaches_nothing(string[] args)
    {
        using var aws = new CountingEndpoint();

        var (exit, output, errors) = await RunAsync(args, aws.Url);

        Assert.True(exit != 0, $"exit 0 for {string.Join(' ', args)}: {output}");
        Assert.InRange(errors.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 0, 2);
        Assert.True(errors.Length > 0 || output.Length > 0, "it says what was wrong");
        Assert.DoesNotContain("   at ", output + errors);
        Assert.DoesNotContain("Exception", output + errors);
        Assert.DoesNotContain('\u001b', errors);
        Assert.DoesNotContain('\u202e', errors);
        Assert.Equal(0, aws.Connections);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("migrate", "--dry-run", "--no-wait")]
    [InlineData("verify")]
    public async Task A_service_that_drops_every_connection_ends_the_verb_with_what_happened_and_what_to_do(params string[] args)
    {
        using var aws = new CountingEndpoint();

        var (exit, output, errors) = await RunAsync(args, aws.Url);

        Assert.NotEqual(0, exit);
        Assert.DoesNotContain("   at ", output + errors);
        Assert.DoesNotContain("Execution attempt", output + errors);
        // Each retry or log entry on the way is one line; the failure itself ends the output in two lines, a job's too.
        var lines = errors.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.True(lines.Length >= 2, errors);
        Assert.StartsWith("failed: A service did not answer", lines[^2]);
        Assert.StartsWith("next: ", lines[^1]);
        Assert.All(lines[..^2], l => Assert.Matches("^(warn|fail): ", l));
        Assert.True(aws.Connections > 0);
    }

    [Theory]
    [InlineData("status")]
    [InlineData("migrate", "--dry-run", "--json")]
    public async Task A_setting_that_cannot_work_is_said_on_stderr_with_exit_2_and_reaches_nothing(params string[] args)
    {
        using var aws = new CountingEndpoint();

        var (exit, output, errors) = await RunAsync(args, aws.Url, new() { ["Platform__Region"] = "mars-north-9!" });

        Assert.Equal(2, exit);
        Assert.StartsWith("error: ", errors);
        Assert.Contains("Platform:Region 'mars-north-9!' is not an AWS region name", errors);
        // Without --json nothing is printed on stdout; with it, only the one document that says the same.
        Assert.True(args.Contains("--json") ? output.TrimStart().StartsWith('{') && output.Contains("mars-north-9!") : output.Length == 0, output);
        Assert.Equal(0, aws.Connections);
    }

    [Theory]
    [InlineData("--help")]
    [InlineData("migrate", "--help")]
    [InlineData("migrat", "--help")]
    public async Task Help_prints_the_usage_and_starts_nothing(params string[] args)
    {
        using var aws = new CountingEndpoint();

        var (exit, output, _) = await RunAsync(args, aws.Url);

        Assert.Contains("Usage:", output);
        Assert.Equal(0, exit);
        Assert.Equal(0, aws.Connections);
    }

    [Fact]
    public void A_misspelt_verb_or_a_request_for_help_is_the_command_lines_and_web_options_are_the_consoles()
    {
        Assert.True(CliApp.IsVerb(["migrat"]));
        Assert.True(CliApp.IsVerb(["--help"]));
        Assert.True(CliApp.IsVerb(["--verbose", "migrate"]));
        Assert.False(CliApp.IsVerb(["--urls", "http://127.0.0.1:5092"]));
        Assert.False(CliApp.IsVerb(["urls=http://127.0.0.1:5092"]));
        Assert.False(CliApp.IsVerb([]));
    }

    private static async Task<(int Exit, string Output, string Errors)> RunAsync(string[] args, string endpoint,
        Dictionary<string, string?>? overrides = null)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform__Mode"] = "Aws", ["AWS_ENDPOINT_URL"] = endpoint, ["AWS_ACCESS_KEY_ID"] = "test", ["AWS_SECRET_ACCESS_KEY"] = "test",
            ["AWS_REGION"] = "us-east-1", ["Platform__UserPoolId"] = "us-east-1_test",
        };
        foreach (var (name, value) in overrides ?? []) settings[name] = value;
        return await InProcessCli.RunAsync(args, settings, TimeSpan.FromSeconds(30));
    }

    /// <summary>A TCP port standing in for AWS: it accepts, counts and closes.</summary>
    private sealed class CountingEndpoint : IDisposable
    {
        private readonly TcpListener listener = new(IPAddress.Loopback, 0);
        private int connections;

        public CountingEndpoint()
        {
            listener.Start();
            _ = AcceptAsync();
        }

        public string Url => $"http://127.0.0.1:{((IPEndPoint)listener.LocalEndpoint).Port}";
        public int Connections => Volatile.Read(ref connections);

        private async Task AcceptAsync()
        {
            try
            {
                while (true)
                {
                    using var client = await listener.AcceptTcpClientAsync();
                    Interlocked.Increment(ref connections);
                }
            }
            catch (Exception e) when (e is ObjectDisposedException or SocketException) { }
        }

        public void Dispose() => listener.Dispose();
    }
}
