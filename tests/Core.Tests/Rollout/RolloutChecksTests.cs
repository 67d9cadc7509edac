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

/// <summary>Every rollout check of the Overview, each from a state that makes it green and one that does not.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class RolloutChecksTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Tables_created_is_red_before_the_schema_and_green_after_it()
    {
        await using var services = emulators.Services();
        var check = Check<TablesCreatedCheck>(services);

        var before = await check.CheckAsync(default);
        await ApplySchemaAsync(services);
        var after = await check.CheckAsync(default);

        Assert.Equal(CheckState.Red, before.State);
        Assert.StartsWith("Missing:", before.Detail);
        Assert.Equal(CheckState.Green, after.State);
    }

    [Fact]
    public async Task Migration_done_is_red_before_any_run_and_green_after_a_migration()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        var check = Check<MigrationDoneCheck>(services);

        var before = await check.CheckAsync(default);
        await MigrateAsync(services);
        var after = await check.CheckAsync(default);

        Assert.Equal(CheckState.Red, before.State);
        Assert.Equal("Not run yet.", before.Detail);
        Assert.Equal(CheckState.Green, after.State);
    }

    [Fact]
    public async Task Twenty_five_verifications_after_the_migration_leave_step_7_green()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        await MigrateAsync(services);
        var section = services.GetServices<IVerificationSection>().OfType<MigrationCompletenessSection>().Single();

        for (var i = 0; i < 25; i++) await section.CheckAsync(default);
        var result = await Check<MigrationDoneCheck>(services).CheckAsync(default);

        Assert.Equal(CheckState.Green, result.State);
        Assert.StartsWith("Migrated at", result.Detail);
    }

    [Fact]
    public async Task Verification_clean_is_red_before_any_verification_green_after_a_clean_one_and_red_after_a_dirty_one()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        var check = Check<VerificationCleanCheck>(services);
        var section = services.GetServices<IVerificationSection>().OfType<MigrationCompletenessSection>().Single();

        var never = await check.CheckAsync(default);
        await MigrateAsync(services);
        var clean = await check.CheckAsync(default);
        await MigrationWorld.SeedAsync(services, [new() { ["id"] = new AttributeValue { S = "unmigrated" }, ["title"] = new AttributeValue { S = "New" } }]);
        await section.CheckAsync(default);
        var dirty = await check.CheckAsync(default);

        Assert.Equal(CheckState.Red, never.State);
        Assert.Equal(CheckState.Green, clean.State);
        Assert.Equal(CheckState.Red, dirty.State);
    }

    private static T Check<T>(IServiceProvider services) where T : IRolloutCheck => services.GetServices<IRolloutCheck>().OfType<T>().Single();

    private static async Task ApplySchemaAsync(IServiceProvider services)
    {
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, run.State);
    }

    private static async Task MigrateAsync(IServiceProvider services)
    {
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);
        Assert.Equal(JobState.Succeeded, run.State);
    }
}
