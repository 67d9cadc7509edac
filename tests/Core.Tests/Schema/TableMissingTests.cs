using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Schema;

/// <summary>Core's readers name the missing table with a typed exception, never DynamoDB's ResourceNotFoundException.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TableMissingTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Before_the_schema_the_readers_name_the_table_they_need()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();

        var audit = await Assert.ThrowsAsync<TableMissingException>(() => services.GetRequiredService<AuditReader>().ReadAsync(new(), null, 25, default));
        var people = await Assert.ThrowsAsync<TableMissingException>(() => services.GetRequiredService<AuditReader>().PeopleAsync(default));
        var onboardings = await Assert.ThrowsAsync<TableMissingException>(() => services.GetRequiredService<OnboardingService>().ListOpenAsync(default));
        var creators = await Assert.ThrowsAsync<TableMissingException>(() => services.GetRequiredService<CreatorOverview>().ListAsync(new CreatorListQuery(), default));

        // Open onboardings live in the ops table, but onboarding cannot write a creator without CreatorsTable: that one is named first.
        Assert.Equal([schema.Ops.Name, schema.Ops.Name, schema.Creators.Name], [audit.Missing.Table, people.Missing.Table, onboardings.Missing.Table]);
        Assert.Equal(new TableMissing(schema.Creators.Name, ConsoleScreen.Tables), creators.Missing);
        Assert.IsType<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(creators.InnerException);
    }

    [Fact]
    public async Task A_read_of_several_tables_names_the_one_that_is_missing()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var schema = services.GetRequiredService<PlatformSchema>();
        var ensured = await services.GetRequiredService<JobRunner>().RunToEndAsync("tests",
            async job => await services.GetRequiredService<DefaultCreator>().EnsureAsync(job, job.CancellationToken));
        Assert.Equal(JobState.Succeeded, ensured.State);
        await services.GetRequiredService<IAmazonDynamoDB>().DeleteTableAsync(schema.AnalyticsSummaries.Name);
        var range = DateRange.For(RangePreset.Last30, new DateOnly(2026, 12, 1));

        var error = await Assert.ThrowsAsync<TableMissingException>(() => services.GetRequiredService<AnalyticsQueries>().GetOverviewAsync(range, default));

        Assert.Equal(schema.AnalyticsSummaries.Name, error.Missing.Table);
    }

    [Fact]
    public void The_troubleshooter_explains_a_missing_table_with_the_screen_that_creates_it()
    {
        using var services = emulators.Services();

        var trouble = services.GetRequiredService<Troubleshooter>().Explain(new TableMissingException(new("CreatorsTable")));

        Assert.Equal((TroubleKind.TableMissing, "CreatorsTable does not exist", ConsoleScreen.Tables), (trouble.Kind, trouble.Title, trouble.Link));
    }
}
