using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>Journal and checkpoint items that do not read as the console wrote them: refused by name, with what to do; against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class DamagedRecordsTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Undo_refuses_a_damaged_journal_page_by_its_key_and_changes_no_product()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var ops = services.GetRequiredService<PlatformSchema>().Ops.Name;
        var page = (await dynamoDb.ScanAsync(new ScanRequest { TableName = ops })).Items.First(i => i["sk"].S.StartsWith("page#", StringComparison.Ordinal));
        page["entries"] = new AttributeValue { S = "[{\"I\":1}" };
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = ops, Item = page });
        var before = await UndoWorld.SnapshotAsync(services, s => s.Products);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains($"{page["pk"].S} / {page["sk"].S}", undo.Error);
        Assert.Contains("is damaged", undo.Error);
        Assert.DoesNotContain("StoredEntry", undo.Text());
        Assert.DoesNotContain("JsonException", undo.Text());
        Assert.Equal(before, await UndoWorld.SnapshotAsync(services, s => s.Products));
    }

    [Fact]
    public async Task An_open_backfill_whose_checkpoint_has_no_usable_segment_count_is_refused_with_what_to_do()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var ops = services.GetRequiredService<PlatformSchema>().Ops.Name;
        await dynamoDb.PutItemAsync(new PutItemRequest
        {
            TableName = ops,
            Item = new() { ["pk"] = new() { S = OpsKeys.BackfillPointer }, ["sk"] = new() { S = OpsKeys.BackfillPointerSk }, ["backfillId"] = new() { S = "b1" }, ["segments"] =
                new() { N = "0" } },
        });

        var run = await UndoWorld.MigrateAsync(services);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("checkpoint", run.Error);
        Assert.Contains("segment count is '0'", run.Error);
        Assert.DoesNotContain("cannot be greater than", run.Text());
    }
}
