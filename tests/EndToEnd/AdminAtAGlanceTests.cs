using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

[CollectionDefinition(Name)]
public sealed class GlanceConsoleAppCollection : ICollectionFixture<ConsoleAppFixture>
{
    public const string Name = "glance console app";
}

/// <summary>What an admin sees: forms that act on the first click, and the console on a phone's 390 px.</summary>
[Collection(GlanceConsoleAppCollection.Name)]
public sealed class AdminAtAGlanceTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output)
{
    protected override ConsoleAppFixture App => console;

    /// <summary>Every page of the console, one creator's page and an unknown address among them.</summary>
    private static readonly string[] Pages =
        ["/", "/tables", "/creators", "/creators/jesskoufo", "/creators/onboard", "/migration", "/verification", "/analytics", "/audit", "/no-such-page"];

    /// <summary>
    /// The enabled filled buttons whose text and background are below WCAG's 4.5:1, with their ratio; measured once the colour
    /// transitions from the prerendered light theme have ended.
    /// </summary>
    private const string FilledButtonsBelowContrast = """
        (async () => {
            await Promise.all(document.getAnimations().map(a => a.finished.catch(() => null)));
            const rgb = c => c.match(/[\d.]+/g).slice(0, 3).map(Number);
            const lum = c => rgb(c).map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            return [...document.querySelectorAll('.mud-button-filled:not([disabled])')].filter(b => b.offsetParent !== null).map(b => {
                const s = getComputedStyle(b), a = lum(s.color), c = lum(s.backgroundColor);
                return [b.textContent.trim(), (Math.max(a, c) + 0.05) / (Math.min(a, c) + 0.05)];
            }).filter(([, ratio]) => ratio < 4.5).map(([text, ratio]) => text + ' ' + ratio.toFixed(1));
        })()
        """;

    /// <summary>The theme's primary text on a striped table row (the stripe laid over the surface), as a contrast ratio.</summary>
    private const string StripedRowContrast = """
        (() => {
            const css = name => getComputedStyle(document.documentElement).getPropertyValue(name).match(/[\d.]+/g).map(Number);
            const over = ([r, g, b, a = 1], [br, bg, bb]) => [r * a + br * (1 - a), g * a + bg * (1 - a), b * a + bb * (1 - a)];
            const lum = c => c.map(v => { v /= 255; return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4); })
                .reduce((sum, v, i) => sum + v * [0.2126, 0.7152, 0.0722][i], 0);
            const row = over(css('--mud-palette-table-striped'), css('--mud-palette-surface'));
            const text = over(css('--mud-palette-text-primary'), row);
            const a = lum(text), b = lum(row);
            return (Math.max(a, b) + 0.05) / (Math.min(a, b) + 0.05);
        })()
        """;

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
        // (However long the machine takes: the field keeps the focus meanwhile.)
        await Expect(page.GetByTestId("bulk-add")).ToBeEnabledAsync();
        await page.GetByTestId("bulk-add").ClickAsync();

        await Expect(page.GetByTestId("confirm-dialog")).ToContainTextAsync("Members of the group");
        await page.GetByTestId("confirm-yes").ClickAsync();
        await Expect(page.GetByTestId("bulk-results")).ToContainTextAsync("Added", new() { Timeout = 20_000 });
    }

    [Fact]
    public async Task At_390_px_the_app_bar_keeps_title_user_and_theme_toggle_and_no_page_scrolls_sideways()
    {
        var page = console.Watch(await console.Browser.NewPageAsync(new() { BaseURL = console.BaseUrl.ToString(), ViewportSize = new() { Width = 390, Height = 844 } }));
        // The schema's tables give the index tables rows and the audit log its entries, whose verdicts must stay on screen.
        await ConsoleAppFixture.ApplySchemaAsync(page);

        foreach (var path in Pages)
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
            // A table may scroll inside its card, but not the ones whose later columns hold the verdict: an outcome, a status, an action.
            var hidden = await page.EvaluateAsync<string[]>("""
                [...document.querySelectorAll("tr[data-testid^='index-'] td, tr[data-testid='audit-entry'] td, tr[data-testid^='creator-'] td, [data-testid='access-table'] td")]
                    .filter(td => td.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
                    .slice(0, 3).map(td => td.closest('tr').getAttribute('data-testid') + ': ' + td.textContent.trim().slice(0, 30))
                """);
            Assert.True(hidden.Length == 0, $"{path}: cells off screen at 390 px: {string.Join(" | ", hidden)}");
            await ConsoleAppFixture.ScreenshotAsync(page, $"glance-390{path.Replace('/', '-')}");
        }
    }

    [Fact]
    public async Task Dark_mode_follows_the_browser_until_the_admin_chooses_and_the_choice_survives_a_reload()
    {
        await using var context = await console.Browser.NewContextAsync(new() { BaseURL = console.BaseUrl.ToString(), ColorScheme = ColorScheme.Dark });
        var page = console.Watch(await context.NewPageAsync());
        const string background = "getComputedStyle(document.body).backgroundColor";

        foreach (var (path, width) in Pages.SelectMany(p => new[] { (p, 1400), (p, 390) }))
        {
            await page.SetViewportSizeAsync(width, width == 390 ? 844 : 1000);
            await ConsoleAppFixture.OpenAsync(page, path);
            await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "true");
            var faint = await page.EvaluateAsync<string[]>(FilledButtonsBelowContrast);
            Assert.True(faint.Length == 0, $"{path} at {width} px, dark: filled buttons whose text does not read: {string.Join(", ", faint)}");
            await ConsoleAppFixture.ScreenshotAsync(page, $"glance-dark-{width}{path.Replace('/', '-')}");
        }
        await ConsoleAppFixture.OpenAsync(page, "/");
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "true");
        var striped = await page.EvaluateAsync<double>(StripedRowContrast);
        Assert.True(striped >= 4.5, $"dark: text on a striped table row reads at {striped:0.0}:1");
        var dark = await page.EvaluateAsync<string>(background);
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "false");
        await page.ReloadAsync();
        await Expect(page.GetByTestId("interactive")).ToBeAttachedAsync();

        await Expect(page.GetByTestId("theme-toggle")).ToHaveAttributeAsync("data-dark", "false");
        Assert.NotEqual(dark, await page.EvaluateAsync<string>(background));
    }
}
