using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>What undo leaves alone and what it refuses: a default creator something still refers to, a creator it did not make, a run it cannot undo exactly; against DynamoDB
/// Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationUndoLimitsTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_default_creator_stays_while_its_user_is_linked_or_in_the_creators_group()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var creator = Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        await services.GetRequiredService<IAmazonDynamoDB>().UpdateItemAsync(new UpdateItemRequest
        {
            TableName = services.GetRequiredService<PlatformSchema>().Creators.Name, Key = new() { ["id"] = new() { S = creator.Id } },
            UpdateExpression = "SET userId = :u", ExpressionAttributeValues = new() { [":u"] = new() { S = "sub-of-jess" } },
        });

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Contains("stays: it is linked to the user sub-of-jess", undo.Text());
        Assert.NotNull(await services.GetRequiredService<CreatorStore>().FindByIdAsync(creator.Id, default));
        Assert.Equal(creator.Id, await services.GetRequiredService<CreatorStore>().ReservedByAsync("jesskoufo", default));
    }

    [Fact]
    public async Task The_default_creator_stays_while_its_user_is_in_the_creators_group()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        await services.GetRequiredService<CreatorsGroupService>().EnsureAsync(default);
        var cognito = services.GetRequiredService<CreatorPlatform.Core.Aws.Cognito.ICognitoClient>();
        var pool = (await services.GetRequiredService<UserPoolLocator>().GetAsync(default)).Id;
        await cognito.AdminCreateUserAsync(new() { UserPoolId = pool, Username = "jesskoufo", MessageAction = "SUPPRESS", TemporaryPassword = "Temporary-Passw0rd!" });
        await cognito.AdminAddUserToGroupAsync(new() { UserPoolId = pool, Username = "jesskoufo", GroupName = "Creators" });

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Contains("stays: its user jesskoufo is in the group Creators", undo.Text());
        Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
    }

    [Fact]
    public async Task A_creator_the_run_did_not_create_is_never_removed()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        var existing = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow), default);
        await UndoWorld.MigrateAsync(services);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.NotNull(await services.GetRequiredService<CreatorStore>().FindByIdAsync(existing.Id, default));
    }

    [Fact]
    public async Task A_run_without_a_journal_is_refused_with_the_reason_and_nothing_changes()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 10);
        await UndoWorld.MigrateAsync(services);
        var history = services.GetRequiredService<MigrationHistory>();
        await history.SaveAsync(new MigrationRunRecord("older-console-run", "migrate", "someone", DateTimeOffset.UtcNow.AddMinutes(1), DateTimeOffset.UtcNow.AddMinutes(2),
            "succeeded", new Dictionary<string, string>(), new Dictionary<string, long>(), null, null), default);
        var before = await UndoWorld.SnapshotAsync(services, s => s.Products);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains("Run older-console-run has no journal", undo.Error);
        Assert.Contains("cannot be undone exactly", undo.Error);
        Assert.Equal(before, await UndoWorld.SnapshotAsync(services, s => s.Products));
    }

    [Fact]
    public async Task With_no_migration_recorded_undo_says_there_is_nothing_to_undo()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 5);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains("No migration run is recorded", undo.Error);
    }
}
