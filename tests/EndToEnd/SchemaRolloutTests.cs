using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

/// <summary>The one test that watches indexes being built: its emulator makes them take as long as the real service.</summary>
public sealed class SchemaRolloutTests(IndexDelayConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<IndexDelayConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task An_admin_applies_the_schema_and_watches_every_index_reach_active()
    {
        var page = await console.NewPageAsync();

        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("environment")).ToContainTextAsync("Sandbox");
        await Expect(page.GetByTestId("check-4")).ToHaveAttributeAsync("data-state", "Red");
        await ConsoleAppFixture.ScreenshotAsync(page, "01-overview-pre-rollout");

        await ConsoleAppFixture.NavigateAsync(page, "Tables & indexes");
        await Expect(page.GetByTestId("findings")).ToContainTextAsync("Index creatorId-index is missing.");
        await Expect(page.Locator("[data-testid='index-creatorId-index'] [data-status]")).ToHaveAttributeAsync("data-status", "MISSING");
        await ConsoleAppFixture.ScreenshotAsync(page, "02-tables-pre-rollout");

        await page.GetByTestId("apply-schema").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("Adding index creatorId-index to ProductsTable");
        await ConsoleAppFixture.ScreenshotAsync(page, "03-tables-applying");
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await Expect(page.GetByTestId("no-drift")).ToBeVisibleAsync(new() { Timeout = 30_000 });

        var statuses = page.Locator("[data-testid^='index-'] [data-status]");
        await Expect(statuses).ToHaveCountAsync(6);
        foreach (var status in await statuses.AllAsync())
            await Expect(status).ToHaveAttributeAsync("data-status", "ACTIVE");
        await ConsoleAppFixture.ScreenshotAsync(page, "04-tables-applied");

        await ConsoleAppFixture.NavigateAsync(page, "Overview");
        await Expect(page.GetByTestId("check-4")).ToHaveAttributeAsync("data-state", "Green");
        await Expect(page.GetByTestId("check-5")).ToHaveAttributeAsync("data-state", "Green");
        await ConsoleAppFixture.ScreenshotAsync(page, "05-overview-schema-done");
    }
}
