using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Rollout;

/// <summary>
/// Step 5 adds indexes to an existing table with UpdateTable: on the emulator of the schema tests, since the shared one,
/// holding every other test's tables, once left a new index unfinished for the whole 6-minute wait.
/// </summary>
[Collection(SchemaEmulatorCollection.Name)]
public sealed class IndexesActiveCheckTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Indexes_active_is_red_on_the_legacy_products_table_and_green_after_the_schema()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        var check = Check<IndexesActiveCheck>(services);

        var before = await check.CheckAsync(default);
        await ApplySchemaAsync(services);
        var after = await check.CheckAsync(default);

        Assert.Equal(CheckState.Red, before.State);
        Assert.Contains(PlatformSchema.CreatorIdIndex, before.Detail);
        Assert.Equal(CheckState.Green, after.State);
    }

    private static T Check<T>(IServiceProvider services) where T : IRolloutCheck => services.GetServices<IRolloutCheck>().OfType<T>().Single();

    private static async Task ApplySchemaAsync(IServiceProvider services)
    {
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, run.State);
    }
}
