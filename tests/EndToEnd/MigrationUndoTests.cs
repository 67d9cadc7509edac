using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class MigrationUndoTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task An_admin_migrates_then_undoes_the_run_from_history_and_overview_step_7_is_no_longer_done()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);
        await ConsoleAppFixture.OpenAsync(page, "/migration");
        await page.GetByTestId("migrate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("check-7")).ToHaveAttributeAsync("data-state", "Green");

        await ConsoleAppFixture.OpenAsync(page, "/migration");
        await page.Locator("[data-testid^='undo-']").First.ClickAsync();
        var dialog = page.GetByRole(AriaRole.Dialog);
        await Expect(dialog).ToContainTextAsync("120 products go back", new() { Timeout = 60_000 });
        await Expect(dialog).ToContainTextAsync("would be removed");
        await ConsoleAppFixture.ScreenshotAsync(page, "14-migration-undo-confirm");
        await dialog.GetByRole(AriaRole.Button, new() { Name = "Undo" }).ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("The run is undone");
        await Expect(page.GetByTestId("migration-history")).ToContainTextAsync("undone");
        await ConsoleAppFixture.ScreenshotAsync(page, "15-migration-undone");

        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("check-7")).ToHaveAttributeAsync("data-state", "Red");
        await Expect(page.GetByTestId("check-7")).ToContainTextAsync("undone");
        await ConsoleAppFixture.ScreenshotAsync(page, "16-overview-undone");
    }
}
