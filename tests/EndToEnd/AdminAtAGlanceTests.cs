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
            // The page's own word on the creation first: when it fails, its message is the test's failure.
            var said = page.Locator(".mud-snackbar").First;
            await Expect(said).ToBeVisibleAsync(new() { Timeout = 90_000 });
            Assert.Matches("Created the group|already exists", await said.InnerTextAsync());
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

    [Fact]
    public async Task At_390_px_the_app_bar_keeps_title_user_and_theme_toggle_and_no_page_scrolls_sideways()
    {
        var page = await console.Browser.NewPageAsync(new() { BaseURL = console.BaseUrl.ToString(), ViewportSize = new() { Width = 390, Height = 844 } });

        foreach (var path in new[] { "/", "/tables", "/creators", "/verification", "/analytics" })
        {
            await ConsoleAppFixture.OpenAsync(page, path);

            foreach (var id in new[] { "app-title", "signed-in-user", "theme-toggle", "environment" })
            {
                var box = await page.GetByTestId(id).First.BoundingBoxAsync();
                Assert.True(box is not null && box.X >= 0 && box.X + box.Width <= 390, $"{path}: {id} is off screen ({box?.X}, {box?.Width})");
            }
            var overflow = await page.EvaluateAsync<int>("document.documentElement.scrollWidth - document.documentElement.clientWidth");
            var wide = overflow <= 0 ? "" : await page.EvaluateAsync<string>("""
                [...document.querySelectorAll('body *')].filter(e => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 1).map(e => {
                        const chain = [];
                        for (let p = e; p && chain.length < 8; p = p.parentElement)
                            chain.push(p.tagName + '.' + p.className + '[' + (p.getAttribute('data-testid') ?? '') + ']');
                        return chain.join(' < ');
                    }).join('')
                """);
            Assert.True(overflow <= 0, $"{path} scrolls sideways by {overflow} px: {wide}");
            await ConsoleAppFixture.ScreenshotAsync(page, $"glance-390{path.Replace('/', '-')}");
        }
    }

    [Fact]
    public async Task Dark_mode_follows_the_browser_until_the_admin_chooses_and_the_choice_survives_a_reload()
    {
        await using var context = await console.Browser.NewContextAsync(new() { BaseURL = console.BaseUrl.ToString(), ColorScheme = ColorScheme.Dark });
        var page = await context.NewPageAsync();
        const string background = "getComputedStyle(document.body).backgroundColor";

        foreach (var (path, width) in new[] { "/", "/tables", "/creators", "/creators/onboard", "/verification", "/analytics",
            "/migration" }.SelectMany(p => new[] { (p, 1400), (p, 390) }))
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 1000);
            await ConsoleAppFixture.OpenAsync(page, path);
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "true");
            await ConsoleAppFixture.ScreenshotAsync(page, $"glance-dark-{width}{path.Replace('/', '-')}");
        }
        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "true");
        var dark = await page.EvaluateAsync<string>(background);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "false");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();

        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "false");
        Assert.NotEqual(dark, await page.EvaluateAsync<string>(background));
    }
}
