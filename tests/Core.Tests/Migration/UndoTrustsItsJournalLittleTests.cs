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
    public async Task A_journal_naming_an_unrelated_creator_leaves_that_creator_with_the_reason()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var bystander = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("bystander", "Bystander", DateTimeOffset.UtcNow.AddDays(-30)), default);
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var ops = services.GetRequiredService<PlatformSchema>().Ops.Name;
        var runItem = (await dynamoDb.ScanAsync(new ScanRequest { TableName = ops })).Items.Single(i => i.ContainsKey("createdCreatorId"));
        runItem["createdCreatorId"] = new AttributeValue { S = bystander.Id };
        await dynamoDb.PutItemAsync(new PutItemRequest { TableName = ops, Item = runItem });

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
}
