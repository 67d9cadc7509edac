using AwsMode.Tests.Infrastructure;

namespace AwsMode.Tests;

/// <summary>
/// deploy/iam/admin-console-policy.json in moto with IAM enforcement on. Where moto's enforcement differs from AWS the
/// test works around it (moto_platform.py iam-user): moto matches requests against the resource "*" (the policy's ARNs
/// are widened to "*" there), and it asks for dynamodb:TransactWriteItems, which AWS does not have.
/// </summary>
public sealed class IamPolicyTests(AwsPlatformFixture fixture) : IClassFixture<AwsPlatformFixture>
{
    private static readonly string Policy = Path.Combine(RepositoryRoot(), "deploy", "iam", "admin-console-policy.json");

    [Fact]
    public async Task A_user_with_exactly_the_policy_runs_the_rollout_and_without_create_group_the_group_step_names_that_action()
    {
        await fixture.Platform.AddIndexAsync("creatorId-index");
        await fixture.Platform.AddIndexAsync("status-index");
        var console = await fixture.Platform.IamUserAsync("console", Policy);
        var lacking = await fixture.Platform.IamUserAsync("console-without-create-group", Policy, "cognito-idp:CreateGroup");
        await fixture.Platform.EnforceIamAsync(true);

        var schemaApply = await fixture.Cli.RunWithAsync(console, "schema", "apply");
        var results = new List<ChildResult> { schemaApply };
        foreach (var verb in new[] { new[] { "status" }, ["migrate"], ["link", "--slug", "jesskoufo", "--user", "jesskoufo"], ["access", "check"] })
            results.Add(await fixture.Cli.RunWithAsync(console, verb));
        var withoutCreateGroup = await fixture.Cli.RunWithAsync(lacking, "group", "ensure");
        var withPolicy = await fixture.Cli.RunWithAsync(console, "group", "ensure");
        await fixture.Platform.EnforceIamAsync(false);

        Assert.All(results.Take(4), r => Assert.True(r.ExitCode == 0, r.ToString()));
        Assert.Equal(1, results[4].ExitCode); // access check: red until access ensure, as in the rollout
        Assert.Equal(1, withoutCreateGroup.ExitCode);
        Assert.Contains("cognito-idp:CreateGroup", withoutCreateGroup.Stdout + withoutCreateGroup.Stderr);
        Assert.Equal(0, withPolicy.ExitCode);
        var state = await fixture.Platform.StateAsync();
        Assert.Equal(AwsPlatformFixture.LegacyProducts, state.ProductsWithCreatorId);
        Assert.Contains("Creators", state.Groups);
    }

    private static string RepositoryRoot()
    {
        var folder = new DirectoryInfo(AppContext.BaseDirectory);
        while (folder is not null && !File.Exists(Path.Combine(folder.FullName, "Admin.sln"))) folder = folder.Parent;
        return folder!.FullName;
    }
}
