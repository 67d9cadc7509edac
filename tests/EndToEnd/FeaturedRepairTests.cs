using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using EndToEnd.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace EndToEnd;

public sealed class FeaturedRepairTests(ConsoleAppFixture console, ITestOutputHelper output) : PageTests(output), IClassFixture<ConsoleAppFixture>
{
    protected override ConsoleAppFixture App => console;

    [Fact]
    public async Task Booleans_written_the_guides_way_show_the_repair_which_an_admin_runs_and_the_verification_turns_clean()
    {
        var page = await console.NewPageAsync();
        await ConsoleAppFixture.ApplySchemaAsync(page);
        await ConsoleAppFixture.NavigateAsync(page, "Migration");
        await page.GetByTestId("migrate").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Migrate" }).ClickAsync();
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded", new() { Timeout = 120_000 });
        await PlantBooleansAsync(2, 4);

        await page.GetByTestId("verify").ClickAsync();
        await Expect(page.GetByTestId("featured-booleans")).ToContainTextAsync("6 products store featured as a boolean");
        await Expect(page.GetByTestId("verification-state")).ToHaveTextAsync("Complete, featured as booleans");
        await ConsoleAppFixture.ScreenshotAsync(page, "14-featured-booleans");
        await page.GetByTestId("repair-featured").ClickAsync();
        await page.GetByRole(AriaRole.Dialog).GetByRole(AriaRole.Button, new() { Name = "Repair" }).ClickAsync();

        await Expect(page.GetByTestId("job-log")).ToContainTextAsync("Repaired: 6");
        await Expect(page.GetByTestId("job-state")).ToHaveTextAsync("Succeeded");
        await Expect(page.GetByTestId("verification-state")).ToHaveTextAsync("Clean");
        await Expect(page.GetByTestId("featured-booleans")).ToHaveCountAsync(0);
        await ConsoleAppFixture.ScreenshotAsync(page, "15-featured-repaired");
    }

    /// <summary>What the guide's script leaves: featured as a BOOL, written straight into the sandbox's DynamoDB Local.</summary>
    private async Task PlantBooleansAsync(int trues, int falses)
    {
        using var dynamoDb = new AmazonDynamoDBClient(new BasicAWSCredentials("local", "local"),
            new AmazonDynamoDBConfig { ServiceURL = $"http://127.0.0.1:{console.DynamoDbPort}", AuthenticationRegion = "us-east-1" });
        var items = (await dynamoDb.ScanAsync(new ScanRequest { TableName = "ProductsTable", Limit = trues + falses, ProjectionExpression = "id" })).Items;
        for (var i = 0; i < items.Count; i++)
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = "ProductsTable", Key = new() { ["id"] = items[i]["id"] }, UpdateExpression = "SET featured = :f",
                ExpressionAttributeValues = new() { [":f"] = new AttributeValue { BOOL = i < trues } },
            });
    }
}
