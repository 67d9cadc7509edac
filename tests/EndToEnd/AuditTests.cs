using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class AuditTests(ConsoleAppFixture console) : IClassFixture<ConsoleAppFixture>
{
    [Fact]
    public async Task The_sandbox_admin_ensures_the_group_and_finds_it_on_the_audit_page_without_csp_errors()
    {
        var page = await console.NewPageAsync();
        var consoleErrors = new List<string>();
        // A 404 for favicon.ico is the only resource error a page may show; a CSP violation is an error too.
        page.Console += (_, message) => { if (message.Type == "error" && !message.Text.Contains("404")) consoleErrors.Add(message.Text); };
        await ConsoleAppFixture.ApplySchemaAsync(page);

        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Group" }).ClickAsync();
        await page.GetByTestId("ensure-group").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("group-exists")).ToHaveAttributeAsync("data-exists", "yes");

        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Audit", Exact = true }).ClickAsync();
        var entries = page.GetByTestId("audit-entry");
        await Expect(entries.First).ToHaveAttributeAsync("data-action", "group.created");
        await Expect(entries.First).ToContainTextAsync("Local admin");
        await Expect(page.Locator("[data-testid='audit-entry'][data-action='schema.succeeded']")).ToHaveCountAsync(1);
        await ConsoleAppFixture.ScreenshotAsync(page, "audit-01-entries");

        var csv = await page.APIRequest.GetAsync("/audit/export.csv");
        Assert.Equal(200, csv.Status);
        Assert.Contains("group.created", await csv.TextAsync());
        Assert.Empty(consoleErrors);
    }
}
