using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class VerificationTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task After_the_migration_the_verification_page_is_green_where_it_can_check_and_says_why_where_it_cannot()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);
        await ConsoleAppFixture.NavigateAsync(page, "Migration");
        await page.GetByTestId("dry-run").ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded");
        await page.GetByTestId("migrate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await Expect(page.GetByTestId("migration-progress")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("Migration completed successfully!", new() { Timeout = 120_000 });

        await ConsoleAppFixture.NavigateAsync(page, "Verification");
        await Expect(page.GetByTestId("verification-none")).ToBeVisibleAsync();
        // The creators' lines come from the platform walk: walk first, from the page's own panel.
        await page.GetByTestId("walk-start").ClickAsync();
        await Expect(page.GetByTestId("walk-summary")).ToContainTextAsync("1 unlinked", new() { Timeout = 60_000 });
        await page.GetByTestId("run-verification").ClickAsync();

        var lines = page.GetByTestId("verification-line");
        await Expect(page.GetByTestId("verification-overall")).ToBeVisibleAsync();
        await Expect(Section(page, "Tables")).ToHaveCountAsync(4);
        foreach (var section in new[] { "Tables", "Indexes and TTL", "Default creator", "Products sample", "Migration completeness" })
            foreach (var line in await Section(page, section).AllAsync())
                await Expect(line).ToHaveAttributeAsync("data-state", "Green");
        await Expect(Section(page, "Products sample").Locator("tbody tr")).ToHaveCountAsync(5);
        var lambda = Section(page, "Lambda environment");
        await Expect(lambda).ToHaveAttributeAsync("data-state", "Amber");
        await Expect(lambda).ToContainTextAsync("No Lambda runs in the sandbox");
        var linkage = Section(page, "Group and linkage");
        await Expect(linkage).ToHaveAttributeAsync("data-state", "Red");
        await Expect(linkage).ToContainTextAsync(new System.Text.RegularExpressions.Regex(@"\((just now|\d+ min ago) when this report ran\)"));
        await Expect(linkage.GetByTestId("line-link")).ToHaveAttributeAsync("href", "/creators");
        await Expect(page.GetByTestId("verification-overall")).ToHaveAttributeAsync("data-state", "Red");
        Assert.True(await lines.CountAsync() >= 10);
        await ConsoleAppFixture.ScreenshotAsync(page, "21-verification-after-migration");

        await Expect(Section(page, "Point-in-time recovery")).ToHaveAttributeAsync("data-state", "NotCovered");
        await Expect(Section(page, "Point-in-time recovery").GetByTestId("line-link")).ToHaveCountAsync(0);
        await ConsoleAppFixture.NavigateAsync(page, "Tables & indexes");
        await Expect(page.GetByTestId("cloudwatch-note")).ToContainTextAsync("CloudWatch is not available in the sandbox");
        await Expect(page.GetByTestId("job-writes").First).ToHaveTextAsync("120");
        await ConsoleAppFixture.ScreenshotAsync(page, "22-tables-monitoring");
    }

    private static ILocator Section(IPage page, string section) => page.Locator($"[data-testid='verification-line'][data-section='{section}']");
}
