using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollback;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Rollback;

/// <summary>What the schema undo plans and refuses, on an emulator whose indexes are ACTIVE at once (the waits are <see cref="SchemaUndoTests"/>'s).</summary>
[Collection(SchemaEmulatorCollection.Name)]
public sealed class SchemaUndoPlanTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_plan_lists_the_added_indexes_then_the_new_tables_each_with_what_it_holds()
    {
        await using var services = await SchemaUndoTests.RolledOutAsync(emulators);
        var schema = services.GetRequiredService<PlatformSchema>();

        var plan = await services.GetRequiredService<SchemaUndo>().PlanAsync(default);

        Assert.Equal([
            (schema.Products.Name, PlatformSchema.CreatorIdIndex, 2L), (schema.Products.Name, PlatformSchema.StatusIndex, 2L),
            (schema.Creators.Name, null, 3L), (schema.AnalyticsEvents.Name, null, 0L), (schema.AnalyticsSummaries.Name, null, 0L),
        ], plan.Steps.Select(s => (s.Table, s.Index, s.Items)));
        Assert.Contains("3 items, deleted with the table", plan.Steps[2].Loss);
    }

    [Fact]
    public async Task A_second_undo_finds_nothing_to_drop()
    {
        await using var services = await SchemaUndoTests.RolledOutAsync(emulators);
        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunToEndAsync(SchemaUndo.JobKind, services.GetRequiredService<SchemaUndo>().RunAsync);

        var second = await runner.RunToEndAsync(SchemaUndo.JobKind, services.GetRequiredService<SchemaUndo>().RunAsync);

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Contains("Nothing to undo", second.Text());
    }

    [Fact]
    public async Task In_aws_mode_undo_is_refused_before_it_touches_anything()
    {
        await using var services = await SchemaUndoTests.RolledOutAsync(emulators);
        var undo = new SchemaUndo(services.GetRequiredService<IAmazonDynamoDB>(), services.GetRequiredService<PlatformSchema>(), AwsTestClients.Context(),
            services.GetRequiredService<AuditLog>(), TimeProvider.System);

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaUndo.JobKind, undo.RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("never changes the stack's tables", run.Error);
        await Assert.ThrowsAsync<SchemaUndoRefusedException>(() => undo.PlanAsync(default));
        Assert.Equal(4, (await services.GetRequiredService<SchemaStatusService>().GetStatusAsync())["Products"].Indexes.Count(i => i.Exists));
    }
}
