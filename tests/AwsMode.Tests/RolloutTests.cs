using AwsMode.Tests.Infrastructure;
using Xunit.Abstractions;

namespace AwsMode.Tests;

/// <summary>
/// The deployment guide's whole rollout in Mode=Aws, one cold console process per verb against moto, each result
/// read back with boto3. One test: the steps depend on each other as they do for an admin.
/// </summary>
public sealed class RolloutTests(AwsPlatformFixture fixture, ITestOutputHelper log) : IClassFixture<AwsPlatformFixture>
{
    private MotoPlatform Platform => fixture.Platform;
    private ConsoleCli Cli => fixture.Cli;

    [Fact]
    public async Task The_whole_rollout_runs_in_aws_mode_and_each_step_leaves_the_platform_as_the_guide_says()
    {
        try
        {
            var before = await Expect(1, "status");
            Assert.Contains("CloudFormation adds one index per table per stack update", OneLine(before.Stdout));
            Assert.Contains("Wait until creatorId-index is ACTIVE", OneLine(before.Stdout));
            await Platform.AddIndexAsync("creatorId-index");
            await Platform.AddIndexAsync("status-index");
            await Expect(0, "schema", "apply");
            var afterSchema = await Platform.StateAsync();
            Assert.Contains("AdminConsoleOpsTable", afterSchema.Tables);
            Assert.Contains("creatorId-index", afterSchema.ProductIndexes);
            await Expect(0, "status");

            await Expect(0, "migrate", "--dry-run");
            Assert.Equal(0, (await Platform.StateAsync()).ProductsWithCreatorId);
            await Expect(0, "migrate");
            var migrated = await Platform.StateAsync();
            var jess = migrated.Creator("jesskoufo");
            Assert.Equal(AwsPlatformFixture.LegacyProducts, migrated.ProductsWithCreatorId);
            Assert.Equal(AwsPlatformFixture.LegacyProducts, migrated.ProductsApproved);
            Assert.Equal(AwsPlatformFixture.LegacyProducts, migrated.ProductsFeaturedString);

            await Expect(0, "group", "ensure");
            await Expect(0, "link", "--slug", "jesskoufo", "--user", "jesskoufo");
            await Expect(0, "group", "add", "jesskoufo");
            var linked = await Platform.StateAsync();
            Assert.Contains("Creators", linked.Groups);
            Assert.Equal(linked.Users["jesskoufo"].Sub, linked.Creator("jesskoufo")["userId"]);
            Assert.Contains("Creators", linked.Users["jesskoufo"].Groups);

            await Expect(1, "access", "check");
            await Expect(0, "access", "ensure", "--yes");
            await Expect(0, "access", "check");
            var access = await Platform.StateAsync();
            Assert.Contains("custom:creatorId", access.CustomAttributes);
            Assert.Equal(["Creators", "creator"], access.Users["jesskoufo"].Groups);
            Assert.Equal(jess["id"], access.Users["jesskoufo"].Attributes["custom:creatorId"]);

            await Expect(0, "onboard", "--slug", "mariasantos", "--display-name", "Maria Santos", "--user", "mariasantos");
            var onboarded = await Platform.StateAsync();
            var maria = onboarded.Creator("mariasantos");
            Assert.Equal(onboarded.Users["mariasantos"].Sub, maria["userId"]);
            Assert.Equal("active", maria["status"]);
            Assert.Contains("Creators", onboarded.Users["mariasantos"].Groups);

            await Expect(0, "verify");

            await Platform.PythonAsync("events", jess["id"], "90");
            await Expect(1, "analytics", "reconcile");
            await Expect(0, "analytics", "rebuild");
            Assert.True((await Platform.StateAsync()).Summaries > 0, "the rebuild writes the days that have events");
            await Expect(0, "analytics", "reconcile");

            await Expect(0, "ungroup", "--slug", "mariasantos");
            await Expect(0, "unlink", "--slug", "mariasantos");
            await Expect(0, "disable", "--slug", "mariasantos");
            var wayBack = await Platform.StateAsync();
            Assert.DoesNotContain("Creators", wayBack.Users["mariasantos"].Groups);
            Assert.DoesNotContain("creator", wayBack.Users["mariasantos"].Groups);
            Assert.False(wayBack.Creator("mariasantos").ContainsKey("userId"));
            Assert.Equal("disabled", wayBack.Creator("mariasantos")["status"]);
            await Expect(0, "verify"); // a creator whose way back is complete is not a red line

            await Expect(0, "migrate"); // the guide's re-run: changes nothing
            await Expect(0, "migrate", "undo", "--yes");
            var undone = await Platform.StateAsync();
            Assert.Equal(0, undone.ProductsWithCreatorId);
            Assert.Equal(0, undone.ProductsApproved);
            Assert.Equal(0, undone.ProductsFeaturedString);
        }
        finally
        {
            foreach (var run in Cli.History) log.WriteLine($"{run.ExitCode}  {run.Elapsed.TotalSeconds,5:0.0} s  {run.Command}");
        }
    }

    /// <summary>The terminal's text with its wrapping undone.</summary>
    private static string OneLine(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ");

    private async Task<ChildResult> Expect(int exitCode, params string[] args)
    {
        var result = await Cli.RunAsync(args);
        Assert.True(result.ExitCode == exitCode, $"expected exit {exitCode}\n{result}");
        return result;
    }
}
