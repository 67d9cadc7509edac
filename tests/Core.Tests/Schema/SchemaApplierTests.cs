using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Schema;

[Collection(IndexDelayEmulatorCollection.Name)]
public sealed class SchemaApplierTests(IndexDelayEmulatorFixture emulators)
{
    [Fact]
    public async Task Applying_to_the_pre_rollout_platform_adds_the_indexes_one_at_a_time_and_ends_clean()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        var applier = services.GetRequiredService<SchemaApplier>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, applier.ApplyAsync);

        Assert.Equal(JobState.Succeeded, run.State);
        var log = run.Log.Select(l => l.Message).ToList();
        var addCreatorId = log.FindIndex(m => m.StartsWith($"Adding index {PlatformSchema.CreatorIdIndex}", StringComparison.Ordinal));
        var creatorIdActive = log.FindIndex(m => m.Contains($"{PlatformSchema.CreatorIdIndex} on") && m.Contains("is ACTIVE"));
        var addStatus = log.FindIndex(m => m.StartsWith($"Adding index {PlatformSchema.StatusIndex}", StringComparison.Ordinal));
        Assert.True(addCreatorId >= 0 && creatorIdActive > addCreatorId && addStatus > creatorIdActive, run.Text());
        var status = await services.GetRequiredService<SchemaStatusService>().GetStatusAsync();
        Assert.Empty(status.Findings);
        Assert.All(status.Tables, t => Assert.True(t.IsActive, t.Spec.Name));
    }

    [Fact]
    public async Task A_second_apply_while_one_runs_is_refused_with_who_holds_it()
    {
        await using var services = emulators.Services();
        var runner = services.GetRequiredService<JobRunner>();
        var gate = new TaskCompletionSource();
        var first = runner.Start(SchemaApplier.JobKind, "Apply schema", _ => gate.Task);

        var refused = Assert.Throws<JobAlreadyRunningException>(() => runner.Start(SchemaApplier.JobKind, "Apply schema", _ => Task.CompletedTask));

        Assert.Contains($"started by {EmulatorFixture.TestAdmin.Name}", refused.Message);
        gate.SetResult();
        await first.Completion;
    }

    [Fact]
    public async Task A_step_that_waits_past_its_bound_fails_with_what_to_do_instead_of_waiting_for_ever()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.Ops)); // where the job's audit entry goes
        while ((await dynamoDb.DescribeTableAsync(schema.Ops.Name)).Table.TableStatus != Amazon.DynamoDBv2.TableStatus.ACTIVE) await Task.Delay(100);
        var applier = new SchemaApplier(services.GetRequiredService<IAmazonDynamoDB>(), schema, services.GetRequiredService<SchemaStatusService>(),
            services.GetRequiredService<AwsContext>(), new HoursPassEachLook());

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, applier.ApplyAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Matches("is still (CREATING|UPDATING).* after 6 hours. DynamoDB goes on building it; apply again later", run.Error);
    }

    /// <summary>A clock on which seven hours pass between any two looks: the first poll that finds a step unfinished is past the bound.</summary>
    private sealed class HoursPassEachLook : TimeProvider
    {
        private int looks;
        public override DateTimeOffset GetUtcNow() => base.GetUtcNow().AddHours(7 * Interlocked.Increment(ref looks));
    }
}
