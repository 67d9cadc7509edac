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
    public async Task Verification_clean_is_red_before_any_report_and_amber_when_only_the_migrations_own_check_was_clean()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        var check = Check<VerificationCleanCheck>(services);

        var never = await check.CheckAsync(default);
        await MigrateAsync(services);
        var migrationOnly = await check.CheckAsync(default);

        Assert.Equal(CheckState.Red, never.State);
        Assert.Equal(CheckState.Amber, migrationOnly.State);
        Assert.StartsWith("No full report yet", migrationOnly.Detail);
    }

    [Fact]
    public async Task Verification_clean_shows_the_stored_reports_worst_state_and_age_even_when_the_migrations_check_was_clean()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        await MigrateAsync(services);
        var store = services.GetRequiredService<VerificationReportStore>();
        var at = services.GetRequiredService<TimeProvider>().GetUtcNow().AddMinutes(-5);
        VerificationLine Line(string title, CheckState state) => new("Tables", title, state, [], CreatorPlatform.Core.ConsoleScreen.Tables);
        var red = new VerificationResult([Line("ProductsTable", CheckState.Green), Line("PITR", CheckState.Amber), Line("Group and linkage", CheckState.Red)], at,
            TimeSpan.FromSeconds(2));

        await store.SaveAsync(new StoredVerification("run-1", "alice", red), default);
        var result = await Check<VerificationCleanCheck>(services).CheckAsync(default);

        Assert.Equal(CheckState.Red, result.State);
        Assert.Contains("5 minutes ago", result.Detail);
        Assert.Contains("1 red, 1 amber, 1 green", result.Detail);
        Assert.Contains("First red line: Group and linkage.", result.Detail);
    }

    [Fact]
    public async Task Unmigrated_products_are_counted_once_each_not_once_per_missing_attribute()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 20);
        var section = services.GetServices<IVerificationSection>().OfType<MigrationCompletenessSection>().Single();

        await section.CheckAsync(default);
        var last = (await services.GetRequiredService<MigrationStateService>().ReadAsync(default)).LastVerification;

        Assert.NotNull(last);
        Assert.Equal(20, last.Value.Report.ProblemProducts);
        Assert.Equal(60, last.Value.Report.Problems.Sum(p => p.Value.Count));
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
