using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class MigrationTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task An_admin_dry_runs_then_migrates_and_the_checklist_turns_green()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);

        await ConsoleAppFixture.NavigateAsync(page, "Migration");
        await page.GetByTestId("dry-run").ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded");
        await Expect(page.GetByTestId("dry-would-update")).ToContainTextAsync("120");
        await Expect(page.GetByTestId("dry-run-report")).ToContainTextAsync("would be created");
        await ConsoleAppFixture.ScreenshotAsync(page, "11-migration-dry-run");

        await page.GetByTestId("migrate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await Expect(page.GetByTestId("migration-progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await Expect(page.GetByTestId("progress-percent")).ToHaveTextAsync("100%");
        await Expect(page.GetByTestId("updated")).ToHaveAttributeAsync("data-value", "120");
        await Expect(page.GetByTestId("failed")).ToHaveAttributeAsync("data-value", "0");
        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("Migration completed successfully!");
        await Expect(page.GetByTestId("verification-state")).ToHaveTextAsync("Clean");
        await ConsoleAppFixture.ScreenshotAsync(page, "12-migration-done");

        await ConsoleAppFixture.NavigateAsync(page, "Overview");
        await Expect(page.GetByTestId("check-7")).ToHaveAttributeAsync("data-state", "Green");
        // The Verification line is the newest full report's: none yet, so a clean migration alone makes it amber, not green.
        await Expect(page.GetByTestId("check-V")).ToHaveAttributeAsync("data-state", "Amber");
        await Expect(page.GetByTestId("check-V")).ToContainTextAsync("No full report yet");
        await ConsoleAppFixture.ScreenshotAsync(page, "13-overview-migrated");
    }
}
