using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

[CollectionDefinition(Name)]
public sealed class GlanceConsoleAppCollection : ICollectionFixture<ConsoleAppFixture>
{
    public const string Name = "glance console app";
}

/// <summary>What an admin sees: forms that act on the first click, and the console on a phone's 390 px.</summary>
[Collection(GlanceConsoleAppCollection.Name)]
public sealed class AdminAtAGlanceTests(ConsoleAppFixture console)
{
    [Fact]
    public async Task Typing_a_username_into_add_members_enables_add_at_once_and_one_click_adds_it()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await page.GetByRole(AriaRole.Tab, new() { Name = "Group" }).ClickAsync();
        if (await page.GetByTestId("group-exists").GetAttributeAsync("data-exists") == "no")
        {
            await page.GetByTestId("ensure-group").ClickAsync();
            await page.GetByTestId("confirm-yes").ClickAsync();
            await Expect(page.GetByTestId("group-exists")).ToHaveAttributeAsync("data-exists", "yes");
        }

        await page.Locator("textarea[data-testid='bulk-input']").PressSequentiallyAsync("jesskoufo");
        // Still focused in the field: the button must be enabled without the field losing focus first.
        await Expect(page.GetByTestId("bulk-add")).ToBeEnabledAsync(new() { Timeout = 5_000 });
        await page.GetByTestId("bulk-add").ClickAsync(new() { Timeout = 5_000 });

        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync("Members of the group");
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("bulk-results")).ToContainTextAsync("Added", new() { Timeout = 20_000 });
    }
}
