using Amazon.DynamoDBv2;
using Amazon.Runtime;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Creators;
using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

/// <summary>
/// The audit page, hostile data on the analytics page, and a full page of creators: the tests hold in either order on one console (an app's start
/// is the dearest part of this suite), where the analytics walk-through needs a console with no creators of its own.
/// </summary>
public sealed class AuditTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

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

        await ConsoleAppFixture.NavigateAsync(page, "Audit");
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

    [Fact]
    public async Task Creators_whose_slugs_carry_markup_leave_the_admin_on_the_console_and_add_no_element_to_the_analytics()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);
        await PlantHostileCreatorsAsync();

        await ConsoleAppFixture.OpenAsync(page, "/analytics");
        await page.GetByTestId("run-rebuild").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Rebuild" }).ClickAsync();
        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("Rebuild", new() { Timeout = 60_000 });
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 180_000 });
        await ConsoleAppFixture.OpenAsync(page, "/analytics");
        await Expect(page.GetByTestId("ranking-chart").Locator("svg text").First).ToBeAttachedAsync();
        await page.WaitForTimeoutAsync(1_000); // a meta refresh of 0 s would have navigated by now

        Assert.StartsWith(new Uri(console.BaseUrl, "/analytics").ToString(), page.Url);
        Assert.Equal(0, await page.Locator("body meta, svg[onload], [data-testid='ranking'] svg svg").CountAsync());
        var labels = await page.GetByTestId("ranking-chart").Locator("svg text").AllTextContentsAsync();
        Assert.Contains(labels, l => l.Contains("<meta http-equiv", StringComparison.Ordinal));
        Assert.Contains(labels, l => l.Contains("<svg onload", StringComparison.Ordinal));
        await ConsoleAppFixture.ScreenshotAsync(page, "24-analytics-hostile-slugs");
    }

    [Fact]
    public async Task A_full_page_of_creators_with_long_names_still_becomes_interactive_and_answers_a_search()
    {
        // The list hands its prerendered first page to the circuit; 50 rows of long names are far over SignalR's 32 KB default
        // message, which once kept the circuit from ever starting: the page showed its rows and did nothing.
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);
        using (var dynamoDb = DynamoDb())
        {
            var now = DateTimeOffset.UtcNow;
            for (var i = 0; i < 60; i++)
                await dynamoDb.PutItemAsync("CreatorsTable", CreatorMapper.ToItem(Creator.New($"bulk-creator-{i:D3}", $"Bulk creator {i} " + new string('n', 900), now)));
        }

        await ConsoleAppFixture.OpenAsync(page, "/creators");
        await page.GetByTestId("search").FillAsync("bulk-creator-007");
        await page.GetByTestId("search-go").ClickAsync();

        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "bulk-creator-007", Exact = true })).ToBeVisibleAsync();
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "bulk-creator-008", Exact = true })).ToHaveCountAsync(0);
    }

    private AmazonDynamoDBClient DynamoDb() => new(new BasicAWSCredentials("local", "local"),
        new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{console.DynamoDbPort}", AuthenticationRegion = "us-east-1" });

    private static readonly string[] HostileSlugs =
        ["m<meta http-equiv=\"refresh\" content=\"0;url=http://127.0.0.1:1/pwned\">", "evil\"><svg onload=alert(1)>"];

    /// <summary>Creators as another writer of CreatorsTable could leave them, each with today's page views in the events table.</summary>
    private async Task PlantHostileCreatorsAsync()
    {
        using var dynamoDb = DynamoDb();
        var now = DateTimeOffset.UtcNow;
        foreach (var (slug, i) in HostileSlugs.Select((s, i) => (s, i)))
        {
            var creator = Creator.New(slug, slug, now);
            await dynamoDb.PutItemAsync("CreatorsTable", CreatorMapper.ToItem(creator));
            for (var e = 0; e < 3 + i; e++)
            {
                var at = now.AddMinutes(-5 - e);
                await dynamoDb.PutItemAsync("AnalyticsEventsTable", AnalyticsEventMapper.ToItem(
                    new AnalyticsEvent(creator.Id, AnalyticsEvent.FormatTimestamp(at), Guid.NewGuid().ToString(), EventTypes.PageView, null, AnalyticsEvent.TtlFor(at))));
            }
        }
    }
}
