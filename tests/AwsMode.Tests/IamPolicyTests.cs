using AwsMode.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AwsMode.Tests;

/// <summary>
/// deploy/iam/admin-console-policy.json in moto with IAM enforcement on: the whole rollout, one cold console process
/// per verb, as a user holding exactly the policy; and three write actions taken away, each refusing the step that
/// needs it by the action's name. Where moto's enforcement differs from AWS the test works around it (moto_platform.py
/// iam-user, and below):
/// - moto matches requests against the resource "*", so the policy's ARNs are widened to "*" there;
/// - moto asks for dynamodb:TransactWriteItems, which AWS does not have (AWS checks each item's PutItem, UpdateItem,
///   ConditionCheckItem), so it is added wherever the policy grants PutItem;
/// - moto answers a refusal with a query-protocol XML body (AccessDenied) even for the JSON services (DynamoDB, Cognito,
///   Lambda, CloudWatch), where AWS sends JSON with the AccessDeniedException type; the console then shows moto's body,
///   so the test asks only that the refused step exits non-zero and names the action, not for the console's own wording;
/// - moto refuses every signed Lambda call as SignatureDoesNotMatch once it enforces (boto3's too), so verify's Lambda
///   lines read "could not be checked" and lambda:GetFunctionConfiguration cannot be proven here; every other line of
///   verify must be checked, and none may say "not authorized";
/// - the seeding and the read-back (boto3 with the dummy keys, which belong to no IAM user) run with enforcement off:
///   moto refuses unknown keys as InvalidClientTokenId once it enforces.
/// </summary>
public sealed class IamPolicyTests(AwsPlatformFixture fixture, ITestOutputHelper log) : IClassFixture<AwsPlatformFixture>
{
    private static readonly string Policy = Path.Combine(RepositoryRoot(), "deploy", "iam", "admin-console-policy.json");
    private MotoPlatform Platform => fixture.Platform;
    private ConsoleCli Cli => fixture.Cli;

    [Fact]
    public async Task A_user_with_exactly_the_policy_runs_the_whole_rollout_and_each_missing_write_action_is_named_by_the_step_that_needs_it()
    {
        await Platform.AddIndexAsync("creatorId-index");
        await Platform.AddIndexAsync("status-index");
        var console = await Platform.IamUserAsync("console", Policy);
        var noCreateGroup = await Platform.IamUserAsync("console-without-create-group", Policy, "cognito-idp:CreateGroup");
        var noUpdateItem = await Platform.IamUserAsync("console-without-update-item", Policy, "dynamodb:UpdateItem");
        var noUpdateAttributes = await Platform.IamUserAsync("console-without-update-attributes", Policy, "cognito-idp:AdminUpdateUserAttributes");
        try
        {
            await Platform.EnforceIamAsync(true);
            await Expect(console, 0, "schema", "apply");
            await Expect(console, 0, "status");
            await Refused(noUpdateItem, "dynamodb:UpdateItem", "migrate");
            await Expect(console, 0, "migrate");
            await Refused(noCreateGroup, "cognito-idp:CreateGroup", "group", "ensure");
            await Expect(console, 0, "group", "ensure");
            await Expect(console, 0, "link", "--slug", "jesskoufo", "--user", "jesskoufo");
            await Expect(console, 0, "group", "add", "jesskoufo");
            await Expect(console, 1, "access", "check"); // red until access ensure, as in the rollout
            await Refused(noUpdateAttributes, "cognito-idp:AdminUpdateUserAttributes", "access", "ensure", "--yes");
            await Expect(console, 0, "access", "ensure", "--yes");
            await Expect(console, 0, "access", "check");
            await Expect(console, 0, "onboard", "--slug", "mariasantos", "--display-name", "Maria Santos", "--user", "mariasantos");
            var verify = await Expect(console, 0, "verify");
            await Platform.EnforceIamAsync(false);
            var rolledOut = await Platform.StateAsync();
            await Platform.PythonAsync("events", rolledOut.Creator("jesskoufo")["id"], "30");

            await Platform.EnforceIamAsync(true);
            await Expect(console, 0, "analytics", "rebuild");
            await Expect(console, 0, "analytics", "reconcile");
            await Expect(console, 0, "ungroup", "--slug", "mariasantos");
            await Expect(console, 0, "unlink", "--slug", "mariasantos");
            await Expect(console, 0, "disable", "--slug", "mariasantos");
            await Platform.EnforceIamAsync(false);
            var wayBack = await Platform.StateAsync();
            await Platform.EnforceIamAsync(true);
            await Expect(console, 0, "migrate", "undo", "--yes");
            await Platform.EnforceIamAsync(false);
            var undone = await Platform.StateAsync();

            // A refused read leaves verify amber, not red: its exit code alone would not show a missing read action.
            Assert.DoesNotContain("not authorized", verify.Stdout + verify.Stderr);
            var notChecked = Squeezed(verify.Stdout).Split("Couldnotbechecked:").Skip(1).ToList();
            Assert.All(notChecked, line => Assert.Contains("<Code>SignatureDoesNotMatch</Code>", line.Split("Next:")[0]));
            Assert.Equal(AwsPlatformFixture.LegacyProducts, rolledOut.ProductsWithCreatorId);
            Assert.Contains("Creators", rolledOut.Groups);
            Assert.Contains("custom:creatorId", rolledOut.CustomAttributes);
            Assert.Equal(rolledOut.Creator("jesskoufo")["id"], rolledOut.Users["jesskoufo"].Attributes["custom:creatorId"]);
            Assert.Equal(rolledOut.Users["mariasantos"].Sub, rolledOut.Creator("mariasantos")["userId"]);
            Assert.True(wayBack.Summaries > 0, "the rebuild writes the days that have events");
            Assert.DoesNotContain("Creators", wayBack.Users["mariasantos"].Groups);
            Assert.False(wayBack.Creator("mariasantos").ContainsKey("userId"));
            Assert.Equal("disabled", wayBack.Creator("mariasantos")["status"]);
            Assert.Equal(0, undone.ProductsWithCreatorId);
        }
        finally
        {
            await Platform.EnforceIamAsync(false);
            foreach (var run in Cli.History) log.WriteLine($"{run.ExitCode}  {run.Elapsed.TotalSeconds,5:0.0} s  {run.Command}");
        }
    }

    private async Task<ChildResult> Expect(Dictionary<string, string?> user, int exitCode, params string[] args)
    {
        var result = await Cli.RunWithAsync(user, args);
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        return result;
    }

    private async Task Refused(Dictionary<string, string?> user, string action, params string[] args)
    {
        var result = await Cli.RunWithAsync(user, args);
        Assert.True(result.ExitCode != 0, $"expected a refusal naming {action}\n{result}");
        Assert.Contains(action, result.Stdout + result.Stderr);
        // moto answers Cognito's refusals in XML where AWS answers JSON, so only DynamoDB's reach the console as refusals
        // it recognises; CliRefusalTests covers the advice for Cognito's.
        if (action.StartsWith("dynamodb:", StringComparison.Ordinal))
            Assert.Contains("deploy/iam/admin-console-policy.json", result.Stdout + result.Stderr);
        log.WriteLine($"refused without {action}: {(result.Stdout + result.Stderr).Trim()}");
    }

    /// <summary>The terminal's text without its whitespace, so that wrapping cannot split what the test looks for.</summary>
    private static string Squeezed(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", "");

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Admin.sln"))) folder = folder.Parent;
        return folder!.FullName;
    }
}
