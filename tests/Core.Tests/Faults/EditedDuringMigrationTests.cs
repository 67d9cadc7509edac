using System.Text.RegularExpressions;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Faults;

/// <summary>A creator edits a product between the migration's scan and its write (trap 13).</summary>
[Collection(EmulatorCollection.Name)]
public sealed partial class EditedDuringMigrationTests(EmulatorFixture emulators)
{
    private const string EditedAt = "2030-01-02T03:04:05.000Z";

    [Theory]
    [InlineData("Single")]
    [InlineData("Transaction")]
    public async Task A_product_edited_after_the_scan_is_journaled_again_so_that_undo_restores_what_its_creator_last_wrote(string mode)
    {
        Dictionary<string, string?> settings = [];
        var edit = new EditBeforeFirstWrite(() => settings["Platform:Tables:Products"]!);
        await using var world = await MigrationWorld.CreateAsync(emulators, 30, s =>
        {
            s["Platform:Migration:WriteMode"] = mode;
            settings = new Dictionary<string, string?>(s);
        }, edit);
        var aws = world.GetRequiredService<AwsContext>();
        using var direct = new AmazonDynamoDBClient(aws.Credentials, aws.DynamoDbConfig());
        edit.Direct = direct;
        var runner = world.GetRequiredService<JobRunner>();

        var migrated = await runner.RunToEndAsync(MigrationJob.JobKind, world.GetRequiredService<MigrationJob>().RunAsync);
        var afterMigration = await ProductAsync(direct, settings, edit.EditedId!);
        var undone = await runner.RunToEndAsync(MigrationUndo.JobKind, j => world.GetRequiredService<MigrationUndo>().RunAsync(j, null, dryRun: false));
        var afterUndo = await ProductAsync(direct, settings, edit.EditedId!);

        Assert.True(migrated.State == JobState.Succeeded, migrated.Text());
        Assert.Equal(30, migrated.Counter("updated"));
        Assert.Contains($"Product {edit.EditedId} was edited after the scan", migrated.Text());
        Assert.Equal(("Edited by its creator", "approved"), (afterMigration["title"].S, afterMigration["status"].S));
        Assert.True(undone.State == JobState.Succeeded, undone.Text());
        Assert.Contains("every product it changed is back as it was", undone.Text());
        Assert.Equal(("Edited by its creator", EditedAt), (afterUndo["title"].S, afterUndo["updatedAt"].S));
        Assert.False(afterUndo.ContainsKey("creatorId"));
        Assert.False(afterUndo.ContainsKey("status"));
    }

    private static async Task<Dictionary<string, AttributeValue>> ProductAsync(IAmazonDynamoDB dynamoDb, Dictionary<string, string?> settings, string id) =>
        (await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = settings["Platform:Tables:Products"], Key = new() { ["id"] = new AttributeValue { S = id } }, ConsistentRead = true,
        })).Item;

    /// <summary>Before the backfill's first write reaches DynamoDB, its creator edits the first product in it: title and updatedAt.</summary>
    private sealed partial class EditBeforeFirstWrite(Func<string> table) : DelegatingHandler
    {
        private int done;
        public IAmazonDynamoDB? Direct { get; set; }
        public string? EditedId { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (target is "DynamoDB_20120810.UpdateItem" or "DynamoDB_20120810.TransactWriteItems" && request.Content is not null
                && await request.Content.ReadAsStringAsync(ct) is var body && body.Contains($"\"{table()}\"", StringComparison.Ordinal)
                && Interlocked.CompareExchange(ref done, 1, 0) == 0)
            {
                EditedId = FirstId().Match(body).Groups[1].Value;
                await Direct!.UpdateItemAsync(new UpdateItemRequest
                {
                    TableName = table(), Key = new() { ["id"] = new AttributeValue { S = EditedId } }, UpdateExpression = "SET title = :t, updatedAt = :u",
                    ExpressionAttributeValues = new() { [":t"] = new AttributeValue { S = "Edited by its creator" }, [":u"] = new AttributeValue { S = EditedAt } },
                }, ct);
            }
            return await base.SendAsync(request, ct);
        }

        [GeneratedRegex("\"Key\":\\{\"id\":\\{\"S\":\"([^\"]+)\"")]
        private static partial Regex FirstId();
    }
}
