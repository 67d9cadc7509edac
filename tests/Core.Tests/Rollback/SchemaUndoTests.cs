using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>On the emulator with realistic index delays: dropping one index at a time means waiting for each to go.</summary>
[Collection(UndoIndexDelayEmulatorCollection.Name)]
public sealed class SchemaUndoTests(IndexDelayEmulatorFixture emulators)
{
    [Fact]
    public async Task Undo_drops_the_indexes_one_at_a_time_then_the_tables_and_leaves_the_pre_rollout_platform()
    {
        await using var services = await RolledOutAsync(emulators);
        var schema = services.GetRequiredService<PlatformSchema>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaUndo.JobKind, services.GetRequiredService<SchemaUndo>().RunAsync);

        Assert.Equal(JobState.Succeeded, run.State);
        var log = run.Log.Select(l => l.Message).ToList();
        var statusDropped = log.FindIndex(m => m.StartsWith($"✓ Dropped index {PlatformSchema.StatusIndex}", StringComparison.Ordinal));
        var creatorsDropping = log.FindIndex(m => m.StartsWith($"Dropping table {schema.Creators.Name}", StringComparison.Ordinal));
        var droppedAt = log.FindIndex(m => m.StartsWith($"✓ Dropped index {PlatformSchema.CreatorIdIndex}", StringComparison.Ordinal));
        Assert.True(droppedAt < log.FindIndex(m => m.StartsWith($"Dropping index {PlatformSchema.StatusIndex}", StringComparison.Ordinal)), run.Text());
        Assert.True(statusDropped >= 0 && creatorsDropping > statusDropped, run.Text());
        var status = await services.GetRequiredService<SchemaStatusService>().GetStatusAsync();
        Assert.Equal([PlatformSchema.CategoryIndex, PlatformSchema.PublishedIndex], status["Products"].Indexes.Where(i => i.Exists).Select(i => i.Name));
        Assert.Equal(42, status["Products"].ItemCount);
        Assert.False(status["Creators"].Exists || status["AnalyticsEvents"].Exists || status["AnalyticsSummaries"].Exists);
        Assert.True(status["Ops"].Exists);
        var dropped = (await services.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(), null, 100, default)).Entries
            .Where(e => e.JobId == run.Id && e.Action.StartsWith("schema.", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, dropped.Count(e => e.Action == AuditActions.SchemaIndexDropped));
        Assert.Equal(3, dropped.Count(e => e.Action == AuditActions.SchemaTableDropped));
    }

    /// <summary>The sandbox after steps 4-5: legacy products plus two creator products, three creators.</summary>
    internal static async Task<ServiceProvider> RolledOutAsync(EmulatorFixture emulators)
    {
        var services = emulators.Services();
        await services.GetRequiredService<SandboxProvisioner>().ProvisionAsync(default);
        var applied = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, applied.State);
        var db = services.GetRequiredService<IAmazonDynamoDB>();
        var schema = services.GetRequiredService<PlatformSchema>();
        for (var i = 0; i < 3; i++)
            await db.PutItemAsync(schema.Creators.Name, CreatorMapper.ToItem(Creator.New($"c{i}", $"C {i}", DateTimeOffset.UtcNow)));
        for (var i = 0; i < 2; i++)
            await db.PutItemAsync(schema.Products.Name, new Dictionary<string, AttributeValue>
            {
                ["id"] = new() { S = $"new-{i}" }, ["creatorId"] = new() { S = "c" }, ["status"] = new() { S = "pending" }, ["createdAt"] = new() { S = "2026-12-01T00:00:00Z" },
            });
        return services;
    }
}
