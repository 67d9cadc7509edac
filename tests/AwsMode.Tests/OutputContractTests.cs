using System.Text.Json;
using AwsMode.Tests.Infrastructure;

namespace AwsMode.Tests;

/// <summary>
/// The CLI's output contract in Mode=Aws: with --json, stdout is exactly one JSON document whatever happens; logs,
/// progress and retries go to stderr, a retry as one line and an expected deferral as no error at all. Each test has a
/// console table of its own (<c>Platform__Tables__Ops</c>), so that none depends on another's order.
/// </summary>
public sealed class OutputContractTests(AwsPlatformFixture fixture) : IClassFixture<AwsPlatformFixture>
{
    private readonly Dictionary<string, string?> ownOpsTable = new() { ["Platform__Tables__Ops"] = $"OpsTable-{Guid.NewGuid():N}" };

    [Fact]
    public async Task Schema_apply_before_the_console_table_exists_prints_one_json_document_and_no_error_or_stack_trace()
    {
        var result = await fixture.Cli.RunWithAsync(ownOpsTable, "schema", "apply", "--json");

        Assert.Equal(0, result.ExitCode);
        Assert.Equal("Succeeded", OneDocument(result).GetProperty("state").GetString());
        Assert.DoesNotContain("fail:", result.Stderr);
        Assert.DoesNotContain("could not be written", result.Stderr + result.Stdout);
        NoStackTrace(result);
    }

    [Fact]
    public async Task A_verb_that_fails_still_prints_one_json_document_naming_the_missing_table_and_the_fix()
    {
        var result = await fixture.Cli.RunWithAsync(ownOpsTable, "migrate", "--json");

        Assert.Equal(1, result.ExitCode);
        var document = OneDocument(result);
        Assert.Equal("Failed", document.GetProperty("state").GetString());
        var log = string.Join('\n', document.GetProperty("log").EnumerateArray().Select(l => l.GetString()));
        Assert.Contains(ownOpsTable["Platform__Tables__Ops"]!, log);
        Assert.Contains("schema apply", log);
        NoStackTrace(result);
    }

    [Fact]
    public async Task A_platform_table_that_does_not_exist_is_named_with_the_stack_to_deploy()
    {
        Assert.Equal(0, (await fixture.Cli.RunWithAsync(ownOpsTable, "schema", "apply")).ExitCode);
        var settings = new Dictionary<string, string?>(ownOpsTable) { ["Platform__Tables__Products"] = "NoSuchProductsTable" };

        var result = await fixture.Cli.RunWithAsync(settings, "migrate", "--dry-run", "--json");

        Assert.Equal(1, result.ExitCode);
        var error = OneDocument(result).GetProperty("error").GetString();
        Assert.Equal("The table NoSuchProductsTable does not exist. It belongs to the storage stack PinterestAffiliateStorageStack: deploy it "
            + "(deployment guide, step 4: npx cdk deploy PinterestAffiliateStorageStack), or set Platform:Tables:Products to the table's real name.", error);
        NoStackTrace(result);
    }

    [Fact]
    public async Task Several_verbs_with_json_print_exactly_one_document_and_put_their_progress_on_stderr()
    {
        Assert.Equal(0, (await fixture.Cli.RunWithAsync(ownOpsTable, "schema", "apply")).ExitCode);

        var results = new List<ChildResult>();
        foreach (var verb in new[] { new[] { "status", "--json" }, ["group", "list", "--json"], ["access", "check", "--json"],
                     ["access", "ensure", "--yes", "--json"], ["analytics", "reconcile", "--json"], ["verify", "--json"] })
            results.Add(await fixture.Cli.RunWithAsync(ownOpsTable, verb));

        Assert.All(results, r => OneDocument(r));
        Assert.All(results, NoStackTrace);
        Assert.Contains(results, r => r.Stderr.Length > 0);
    }

    [Fact]
    public async Task A_retried_call_is_one_line_on_stderr_and_stdout_stays_one_json_document()
    {
        using var down = new FailingEndpoint();
        var settings = new Dictionary<string, string?>(ownOpsTable) { ["AWS_ENDPOINT_URL_LAMBDA"] = down.Url };

        var result = await fixture.Cli.RunWithAsync(settings, "verify", "--json");

        var retries = result.Stderr.Split('\n').Where(l => l.Contains("retry", StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(retries);
        Assert.All(retries, l => Assert.Contains("HTTP 503", l));
        Assert.True(down.Requests >= retries.Count, $"{down.Requests} requests, {retries.Count} retry lines");
        OneDocument(result);
        NoStackTrace(result);
    }

    [Fact]
    public async Task Settings_that_cannot_work_exit_2_with_a_json_document_that_says_why()
    {
        var settings = new Dictionary<string, string?> { ["Platform__Profile"] = "no-such-profile" };

        var result = await fixture.Cli.RunWithAsync(settings, "status", "--json");

        Assert.Equal(2, result.ExitCode);
        var document = OneDocument(result);
        Assert.Equal(2, document.GetProperty("exitCode").GetInt32());
        Assert.Contains("no-such-profile", document.GetProperty("error").GetString());
    }

    /// <summary>Fails unless stdout is one JSON document and nothing else.</summary>
    [Fact]
    public async Task Without_credentials_a_verb_says_so_and_how_to_sign_in_instead_of_that_a_service_did_not_answer()
    {
        // No keys in the environment, no profile files (the fixture points them at /dev/null), no instance role (IMDS off).
        var none = new Dictionary<string, string?>(ownOpsTable)
        {
            ["AWS_ACCESS_KEY_ID"] = null, ["AWS_SECRET_ACCESS_KEY"] = null, ["HOME"] = Directory.CreateTempSubdirectory("no-aws-").FullName,
        };

        var result = await fixture.Cli.RunWithAsync(none, "status", "--json");

        Assert.Equal(1, result.ExitCode);
        Assert.StartsWith("The AWS credentials are missing or expired", OneDocument(result).GetProperty("error").GetString());
        Assert.Contains("aws sso login --profile", result.Stderr);
        Assert.DoesNotContain("did not answer", result.Stdout + result.Stderr);
        NoStackTrace(result);
    }

    private static JsonElement OneDocument(ChildResult result)
    {
        var reader = new Utf8JsonReader(System.Text.Encoding.UTF8.GetBytes(result.Stdout));
        try
        {
            var document = JsonElement.ParseValue(ref reader);
            Assert.False(reader.Read(), $"more than one JSON document on stdout\n{result}");
            return document;
        }
        catch (JsonException e)
        {
            Assert.Fail($"stdout is not one JSON document ({e.Message})\n{result}");
            throw;
        }
    }

    private static void NoStackTrace(ChildResult result) =>
        Assert.False(result.Stderr.Split('\n').Any(l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal)), $"a stack trace\n{result}");
}
