using AdminConsole.Components.Pages.Creators;
using AdminConsole.Components.Pages.Migration;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Migration;

namespace AdminConsole.Tests.Security;

/// <summary>Errors stored in AWS's words (ARNs, account ids) reach admins as stored and viewers as the plain message.</summary>
public sealed class ViewerSeesPlainErrorsTests : MudTestContext
{
    private const string Raw = "User: arn:aws:sts::123456789012:assumed-role/console-role/i-0abc is not authorized to perform: dynamodb:UpdateItem "
        + "on resource: arn:aws:dynamodb:us-east-1:123456789012:table/ProductsTable (RequestId: 7Q0V)";

    private static readonly IReadOnlyList<MigrationRunRecord> Runs =
    [
        new("r1", "migrate", "ada", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, RunOutcomes.Failed, new Dictionary<string, string>(), new Dictionary<string, long>(), null, Raw),
    ];

    private static OnboardingProgress Stopped => new("o1", CreatorProfile.Blank with { Slug = "mia" }, OnboardingUser.ExistingUser("mia"), "ada",
        DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, [], "c1", FailedAt: OnboardingStep.Group, LastError: Raw);

    [Fact]
    public void A_viewer_reads_a_failed_runs_error_in_plain_words_without_arns_or_the_account()
    {
        AsViewer();

        var history = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, Runs));
        var steps = Render<OnboardingSteps>(p => p.Add(c => c.Progress, Stopped));

        foreach (var text in new[] { history.Find("[data-testid=run-error]").TextContent, steps.Find("[data-testid=step-error]").TextContent })
        {
            Assert.DoesNotContain("arn:aws", text);
            Assert.DoesNotContain("123456789012", text);
            Assert.Contains("lacks a permission", text);
        }
    }

    [Fact]
    public void An_admin_reads_the_error_as_stored()
    {
        AsAdmin();

        var history = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, Runs));

        Assert.Contains("arn:aws:sts::123456789012:assumed-role/console-role", history.Find("[data-testid=run-error]").TextContent);
    }
}
