using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>Undo removes the creator its journal names only when it is the run's own and nothing refers to it; against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class UndoTrustsItsJournalLittleTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_journal_records_the_slug_and_creation_time_of_the_creator_the_run_created()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);

        await UndoWorld.MigrateAsync(services);

        var jess = Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        var runItem = await CreatedRunItemAsync(services);
        Assert.Equal(jess.Id, runItem["createdCreatorId"].S);
        Assert.Equal("jesskoufo", runItem["createdCreatorSlug"].S);
        Assert.Equal(CreatorMapper.Time(jess.CreatedAt), runItem["createdCreatorAt"].S);
    }

    [Fact]
    public async Task A_journal_naming_an_unrelated_creator_is_refused_with_the_reason_and_nothing_changes()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var bystander = await services.GetRequiredService<CreatorStore>()
            .CreateAsync(Creator.New("bystander", "Bystander", DateTimeOffset.UtcNow.AddDays(-30)), default);
        var runItem = await CreatedRunItemAsync(services);
        runItem["createdCreatorId"] = new AttributeValue { S = bystander.Id };
        await PutOpsItemAsync(services, runItem);
        var products = await UndoWorld.SnapshotAsync(services, s => s.Products);
        var creators = await UndoWorld.SnapshotAsync(services, s => s.Creators);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains($"says it created the creator {bystander.Id} as jesskoufo", undo.Error);
        Assert.Contains("the creator under that id is bystander", undo.Error);
        Assert.Contains("nothing was changed", undo.Error);
        Assert.Equal(products, await UndoWorld.SnapshotAsync(services, s => s.Products));
        Assert.Equal(creators, await UndoWorld.SnapshotAsync(services, s => s.Creators));
    }

    [Fact]
    public async Task A_default_creator_whose_creation_time_differs_from_the_journal_is_refused_and_kept()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var jess = Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        // Same id and slug, made after the run started (the old check's only test of time), but not when the journal says.
        var remade = CreatorMapper.Time(jess.CreatedAt.AddMinutes(5));
        await services.GetRequiredService<IAmazonDynamoDB>().UpdateItemAsync(new UpdateItemRequest
        {
            TableName = services.GetRequiredService<PlatformSchema>().Creators.Name, Key = new() { ["id"] = new() { S = jess.Id } },
            UpdateExpression = "SET createdAt = :at", ExpressionAttributeValues = new() { [":at"] = new() { S = remade } },
        });

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains($"the creator under that id is jesskoufo, created {remade}", undo.Error);
        Assert.NotNull(await services.GetRequiredService<CreatorStore>().FindByIdAsync(jess.Id, default));
        Assert.Equal(jess.Id, await services.GetRequiredService<CreatorStore>().ReservedByAsync("jesskoufo", default));
    }

    [Fact]
    public async Task A_journal_without_the_recorded_slug_still_keeps_an_unrelated_creator_with_the_reason()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var bystander = await services.GetRequiredService<CreatorStore>()
            .CreateAsync(Creator.New("bystander", "Bystander", DateTimeOffset.UtcNow.AddDays(-30)), default);
        var runItem = await CreatedRunItemAsync(services);
        runItem["createdCreatorId"] = new AttributeValue { S = bystander.Id };
        runItem.Remove("createdCreatorSlug");
        runItem.Remove("createdCreatorAt");
        await PutOpsItemAsync(services, runItem);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Contains("The creator bystander", undo.Text());
        Assert.Contains("is not the default creator's jesskoufo, so the journal is not trusted with it", undo.Text());
        Assert.NotNull(await services.GetRequiredService<CreatorStore>().FindByIdAsync(bystander.Id, default));
    }

    [Fact]
    public async Task The_default_creator_stays_while_analytics_events_refer_to_it()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var jess = Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        await services.GetRequiredService<IAmazonDynamoDB>().PutItemAsync(new PutItemRequest
        {
            TableName = services.GetRequiredService<PlatformSchema>().AnalyticsEvents.Name,
            Item = new() { ["creatorId"] = new() { S = jess.Id }, ["timestamp"] = new() { S = DateTimeOffset.UtcNow.ToString("o") }, ["eventType"] = new() { S = "page_view" } },
        });

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Contains("still holds its analytics", undo.Text());
        Assert.NotNull(await services.GetRequiredService<CreatorStore>().FindByIdAsync(jess.Id, default));
    }

    private static async Task<Dictionary<string, AttributeValue>> CreatedRunItemAsync(IServiceProvider services) =>
        (await services.GetRequiredService<IAmazonDynamoDB>().ScanAsync(new ScanRequest { TableName = services.GetRequiredService<PlatformSchema>().Ops.Name }))
            .Items.Single(i => i.ContainsKey("createdCreatorId"));

    private static Task PutOpsItemAsync(IServiceProvider services, Dictionary<string, AttributeValue> item) =>
        services.GetRequiredService<IAmazonDynamoDB>()
            .PutItemAsync(new PutItemRequest { TableName = services.GetRequiredService<PlatformSchema>().Ops.Name, Item = item });
}
