using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

/// <summary>
/// DynamoDB stops answering (connections are accepted, no answer comes) just before an admin clicks Dry run. Every
/// DynamoDB call of the console goes through the fault proxy, whose log is what reached DynamoDB Local.
/// </summary>
public sealed class StalledDynamoDbTests(FaultProxyConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<FaultProxyConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    private static readonly string[] Writes = ["PutItem", "UpdateItem", "DeleteItem", "BatchWriteItem", "TransactWriteItems"];

    [Fact]
    public async Task A_dry_run_clicked_while_DynamoDB_stalls_says_what_happened_and_what_to_do_and_runs_from_the_same_button_once_DynamoDB_answers()
    {
        var proxy = console.Proxy;
        var page = await console.NewPageAsync();
        var schema = System.Diagnostics.Stopwatch.StartNew();
        await ConsoleAppFixture.ApplySchemaAsync(page); // the dry run looks the default creator up in CreatorsTable
        await ConsoleAppFixture.OpenAsync(page, "/migration");
        Output.WriteLine($"Schema applied and the Migration page open after {schema.Elapsed.TotalSeconds:0.0} s");
        var loads = 0;
        page.Load += (_, _) => loads++;
        var before = proxy.Forwarded.Count;

        proxy.Stall();
        var clicked = System.Diagnostics.Stopwatch.StartNew();
        await page.GetByTestId("dry-run").ClickAsync();

        // The SDK's attempts of 2 s each (6 to 10 of them) and its backoff: 12-21 s here, where 30 s attempts took minutes.
        var log = page.GetByTestId("job-log");
        // The deadline only bounds a hang; the time it took is in the output.
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Failed", new() { Timeout = 120_000 });
        await Expect(log).ToContainTextAsync($"did not answer within {FaultProxyConsoleAppFixture.RequestTimeoutSeconds} s");
        await Expect(log).ToContainTextAsync("so the job did not run: nothing was changed.");
        await Expect(log).ToContainTextAsync("Platform:Sandbox:DynamoDbClientEndpoint");
        await Expect(log).ToContainTextAsync("then try again.");
        Output.WriteLine($"The stall was said after {clicked.Elapsed.TotalSeconds:0.0} s");
        await ConsoleAppFixture.ScreenshotAsync(page, "stalled-dynamodb-dry-run");
        var shown = await page.Locator("body").InnerTextAsync();
        Assert.DoesNotContain("canceled", shown, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("Exception", shown, StringComparison.Ordinal);
        Assert.DoesNotContain(" at Amazon.", shown, StringComparison.Ordinal);
        // The circuit lives: no reconnect dialog, no page error, and the page still answers a click while DynamoDB is silent.
        var dark = await page.GetByTestId("theme-toggle").GetAttributeAsync("data-dark");
        await page.GetByTestId("theme-toggle").ClickAsync();
        await Expect(page.GetByTestId("theme-toggle")).Not.ToHaveAttributeAsync("data-dark", dark!);
        await Expect(page.Locator("#components-reconnect-modal")).Not.ToBeVisibleAsync();
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        Assert.True(proxy.Stalled);

        proxy.Resume();
        var again = System.Diagnostics.Stopwatch.StartNew();
        await page.GetByTestId("dry-run").ClickAsync();

        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        Output.WriteLine($"The dry run after the stall succeeded after {again.Elapsed.TotalSeconds:0.0} s");
        await Expect(page.GetByTestId("dry-would-update")).ToContainTextAsync("120");
        await Expect(page.GetByTestId("page-error")).ToHaveCountAsync(0);
        Assert.Equal(0, loads);
        var products = $"\"{FaultProxyConsoleAppFixture.ProductsTable}\"";
        var productWrites = proxy.Forwarded.Skip(before).Where(r => Writes.Contains(r.Operation) && r.Body.Contains(products, StringComparison.Ordinal)).ToList();
        Assert.Empty(productWrites);
        Assert.Contains(proxy.Forwarded.Skip(before), r => r.Operation == "Scan" && r.Body.Contains(products, StringComparison.Ordinal));
    }
}
