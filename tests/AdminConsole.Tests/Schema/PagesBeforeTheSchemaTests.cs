using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Components.Pages.Creators;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Schema;

/// <summary>
/// A fresh sandbox before the schema is applied: pages that read a creator name the missing table with the shared alert
/// and its link to Tables & indexes, never DynamoDB's own words (not even to admins, who see raw AWS text elsewhere).
/// </summary>
public sealed class PagesBeforeTheSchemaTests : MudTestContext
{
    private readonly List<string> operations = [];

    public PagesBeforeTheSchemaTests()
    {
        // Nothing listens on the Cognito port: the pool cannot be found, as when the sandbox is still starting.
        Services.AddCoreWithoutTables(operations, mode: "Sandbox",
            more: new Dictionary<string, string?> { ["Platform:Sandbox:CognitoPort"] = SandboxEmulators.FreePort().ToString() });
        Services.AddSingleton(new ConsoleRoles(new AccessOptions()));
        AsAdmin();
    }

    [Fact]
    public void A_creators_page_names_the_missing_creators_table_instead_of_dynamodbs_error()
    {
        var page = Render<CreatorPage>(p => p.Add(c => c.Slug, "jesskoufo"));

        page.WaitForAssertion(() => Assert.Equal("CreatorsTable", page.Find("[data-testid='table-missing']").GetAttribute("data-table")));
        Assert.Equal("/tables", page.Find("[data-testid='table-missing-link']").GetAttribute("href"));
        Assert.Empty(page.FindAll("[data-testid='error']"));
        Assert.DoesNotContain("resource not found", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void A_creators_analytics_names_the_missing_creators_table_instead_of_saying_the_slug_is_unknown()
    {
        var page = Render<AnalyticsPage>(p => p.Add(c => c.Slug, "jesskoufo"));

        page.WaitForAssertion(() => Assert.Equal("CreatorsTable", page.Find("[data-testid='table-missing']").GetAttribute("data-table")));
        Assert.Empty(page.FindAll("[data-testid='empty-unknown-creator']"));
        Assert.Empty(page.FindAll("[data-testid='analytics-error']"));
        Assert.DoesNotContain("resource not found", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Onboarding_waits_for_the_creators_table_instead_of_offering_a_form_that_cannot_be_written()
    {
        var page = Render<OnboardPage>();

        page.WaitForAssertion(() => Assert.Equal("CreatorsTable", page.Find("[data-testid='table-missing']").GetAttribute("data-table")));
        Assert.NotNull(page.Find("[data-testid='onboarding-waits']"));
        Assert.Empty(page.FindAll("input"));
        Assert.DoesNotContain("resource not found", page.Markup, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Onboarding_says_which_read_failed_and_what_to_do_while_the_sandbox_has_no_user_pool_yet()
    {
        var page = Render<OnboardPage>();

        page.WaitForAssertion(() => Assert.NotNull(page.Find("[data-testid='table-missing']")));
        var trouble = page.Find("[data-testid='trouble']");
        Assert.Equal("NotFound", trouble.GetAttribute("data-kind"));
        Assert.StartsWith("Could not read the pool's users (the suggestions): The sandbox's user pool is not ready", trouble.TextContent.Trim());
        Assert.Contains("still starting (the banner at the top says when it is ready)", page.Find("[data-testid='trouble-next']").TextContent);
        Assert.Empty(page.FindAll("[data-testid='error']"));
    }
}
