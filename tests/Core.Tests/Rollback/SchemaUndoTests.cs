using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>On the emulator with realistic index delays, as the schema applier's own tests: adding indexes there is what is exercised.</summary>
[Collection(IndexDelayEmulatorCollection.Name)]
public sealed class SchemaUndoTests(IndexDelayEmulatorFixture emulators)
{
    [Fact]
    public async Task The_plan_lists_the_added_indexes_then_the_new_tables_each_with_what_it_holds()
    {
        await using var services = await RolledOutAsync();
        var schema = services.GetRequiredService<PlatformSchema>();

        var plan = await services.GetRequiredService<SchemaUndo>().PlanAsync(default);

        Assert.Equal([
            (schema.Products.Name, PlatformSchema.CreatorIdIndex, 2L), (schema.Products.Name, PlatformSchema.StatusIndex, 2L),
            (schema.Creators.Name, null, 3L), (schema.AnalyticsEvents.Name, null, 0L), (schema.AnalyticsSummaries.Name, null, 0L),
        ], plan.Steps.Select(s => (s.Table, s.Index, s.Items)));
        Assert.Contains("3 items, deleted with the table", plan.Steps[2].Loss);
    }

    [Fact]
    public async Task Undo_drops_the_indexes_one_at_a_time_then_the_tables_and_leaves_the_pre_rollout_platform()
    {
        await using var services = await RolledOutAsync();
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

    [Fact]
    public async Task A_second_undo_finds_nothing_to_drop()
    {
        await using var services = await RolledOutAsync();
        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunToEndAsync(SchemaUndo.JobKind, services.GetRequiredService<SchemaUndo>().RunAsync);

        var second = await runner.RunToEndAsync(SchemaUndo.JobKind, services.GetRequiredService<SchemaUndo>().RunAsync);

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Contains("Nothing to undo", second.Text());
    }

    [Fact]
    public async Task In_aws_mode_undo_is_refused_before_it_touches_anything()
    {
        await using var services = await RolledOutAsync();
        var undo = new SchemaUndo(services.GetRequiredService<IAmazonDynamoDB>(), services.GetRequiredService<PlatformSchema>(), AwsTestClients.Context(),
            services.GetRequiredService<AuditLog>(), TimeProvider.System);

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaUndo.JobKind, undo.RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("never changes the stack's tables", run.Error);
        await Assert.ThrowsAsync<SchemaUndoRefusedException>(() => undo.PlanAsync(default));
        Assert.Equal(4, (await services.GetRequiredService<SchemaStatusService>().GetStatusAsync())["Products"].Indexes.Count(i => i.Exists));
    }

    /// <summary>The sandbox after steps 4-5: legacy products plus two creator products, three creators.</summary>
    private async Task<ServiceProvider> RolledOutAsync()
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
