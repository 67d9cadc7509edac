using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

/// <summary>An app of its own: these tests change the sandbox that the schema rollout test expects untouched.</summary>
[CollectionDefinition(Name)]
public sealed class CreatorsConsoleAppCollection : ICollectionFixture<ConsoleAppFixture>
{
    public const string Name = "creators console app";
}

[Collection(CreatorsConsoleAppCollection.Name)]
public sealed class CreatorOnboardingTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output)
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task An_admin_ensures_the_group_onboards_creators_gives_them_access_and_step_8_turns_green()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("check-8.1")).ToHaveAttributeAsync("data-state", "Red");
        await Expect(page.GetByTestId("check-8.3")).ToHaveAttributeAsync("data-state", "Red");

        await ConsoleAppFixture.OpenAsync(page, "/tables");
        await page.GetByTestId("apply-schema").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });

        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Group" }).ClickAsync();
        await Expect(page.GetByTestId("group-exists")).ToHaveAttributeAsync("data-exists", "no");
        await page.GetByTestId("ensure-group").ClickAsync();
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("group-exists")).ToHaveAttributeAsync("data-exists", "yes");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-01-group-ensured");

        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("check-8.1")).ToHaveAttributeAsync("data-state", "Green");
        await Expect(page.GetByTestId("check-8.2")).ToHaveAttributeAsync("data-state", "Red");

        await OnboardAsync(page, "jesskoufo", "Jess Koufo", existingUser: "jesskoufo");
        await ExpectLinkedAndInGroupAsync(page, "jesskoufo");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-02-default-creator");

        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("check-8.1")).ToHaveAttributeAsync("data-state", "Green");
        await Expect(page.GetByTestId("check-8.2")).ToHaveAttributeAsync("data-state", "Green");
        await Expect(page.GetByTestId("check-8.3")).ToHaveAttributeAsync("data-state", "Green");
        // Step 8.4 covers every creator: it reads the newest platform walk, which an admin starts here.
        await WalkAsync(page);
        await Expect(page.GetByTestId("check-8.4")).ToHaveAttributeAsync("data-state", "Red");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-03-overview-step-8-guide-done");

        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await Expect(page.Locator("[data-testid='access-row'][data-slug='jesskoufo']")).ToContainTextAsync("Creator role required");
        await ConsoleAppFixture.OpenAsync(page, "/creators/jesskoufo");
        var jess = page.Locator("[data-testid='access-row'][data-slug='jesskoufo']");
        await Expect(jess.GetByTestId("access-verdict")).ToHaveTextAsync("cannot work");
        await Expect(jess).ToContainTextAsync("Creator role required");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-04-cannot-work");
        await page.GetByTestId("access-ensure").ClickAsync();
        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync("can never remove");
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("access-panel").GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 60_000 });
        await Expect(jess.GetByTestId("access-verdict")).ToHaveTextAsync("can work");
        await Expect(jess).ToContainTextAsync("\"creator,Creators\"");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-05-can-work");

        await ConsoleAppFixture.OpenAsync(page, "/");
        await WalkAsync(page);
        await Expect(page.GetByTestId("check-8.4")).ToHaveAttributeAsync("data-state", "Green");

        await OnboardAsync(page, "lena-park", "Lena Park", newUser: ("lenapark", "lena.park@example.com"));
        await ExpectLinkedAndInGroupAsync(page, "lenapark");
        // Onboarded after access was given: the link step granted the groups and the creator id itself.
        await Expect(page.Locator("[data-testid='access-row'][data-slug='lena-park']").GetByTestId("access-verdict")).ToHaveTextAsync("can work");
        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await Expect(page.GetByTestId("creator-lena-park").GetByTestId("linkage-state")).ToHaveAttributeAsync("data-state", "Linked");
        await ConsoleAppFixture.ScreenshotAsync(page, "creators-06-list");
    }

    /// <summary>Walks every creator now, from the panel on the open page, and waits for the walk to end.</summary>
    private static async Task WalkAsync(IPage page)
    {
        var panel = page.GetByTestId("platform-walk");
        await panel.GetByTestId("walk-start").ClickAsync();
        await Expect(panel.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
    }

    private static async Task OnboardAsync(IPage page, string slug, string name, string? existingUser = null, (string Username, string Email)? newUser = null)
    {
        await ConsoleAppFixture.OpenAsync(page, "/creators/onboard");
        await page.Locator("input[data-testid='slug']").FillAsync(slug);
        await page.Locator("input[data-testid='displayName']").FillAsync(name);
        await page.Locator("input[data-testid='instagram']").FillAsync($"https://instagram.com/{slug}");
        await Expect(page.GetByText($"'{slug}' is available")).ToBeVisibleAsync();
        await page.GetByTestId("profile-next").ClickAsync();
        if (existingUser is not null)
        {
            await page.Locator("input[data-testid='existing-user']").FillAsync(existingUser);
        }
        else
        {
            await page.GetByText("Create a user").ClickAsync();
            await page.Locator("input[data-testid='new-username']").FillAsync(newUser!.Value.Username);
            await page.Locator("input[data-testid='new-email']").FillAsync(newUser.Value.Email);
        }
        await page.GetByTestId("user-next").ClickAsync();
        await page.GetByTestId("start-onboarding").ClickAsync();
        await Expect(page.GetByTestId("onboarding-done")).ToBeVisibleAsync();
        await Expect(page.GetByTestId("public-path")).ToHaveTextAsync($"/creator/{slug}");
        await page.GetByTestId("open-creator").ClickAsync();
    }

    private static async Task ExpectLinkedAndInGroupAsync(IPage page, string username)
    {
        await Expect(page.GetByTestId("linkage").GetByTestId("linkage-state")).ToHaveAttributeAsync("data-state", "Linked");
        await Expect(page.GetByTestId("linkage").GetByTestId("group-state")).ToHaveAttributeAsync("data-in-group", "yes");
        await Expect(page.GetByTestId("linked-username")).ToHaveTextAsync(username);
        await Expect(page.GetByTestId("linked-sub")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex("^[0-9a-f-]{36}$"));
        await Expect(page.GetByTestId("stored-user-id")).ToHaveTextAsync(await page.GetByTestId("linked-sub").TextContentAsync() ?? "?");
    }

}
