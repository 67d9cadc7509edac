using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Jobs;

/// <summary>A job that meets a missing table ends red with what to do, whichever job it is, against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class JobMissingTableTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_migration_before_the_schema_ends_red_saying_to_apply_the_schema_and_writes_nothing()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        // Only the console's own table, as the web console makes it for its keys: the platform's tables are not there yet.
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.Ops));

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.StartsWith($"The table {schema.Products.Name} does not exist. Create it with Tables & indexes → Apply schema", run.Error, StringComparison.Ordinal);
        Assert.Contains($"The table {schema.Creators.Name} does not exist.", run.Error, StringComparison.Ordinal);
        Assert.Contains(run.Log, l => l.Level == JobLogLevel.Error && l.Message == run.Error);
        Assert.DoesNotContain(run.Log, l => l.Message.Contains("non-existent", StringComparison.Ordinal));
        // Nothing was created on the way: the job did not make up the tables it needs.
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => dynamoDb.DescribeTableAsync(schema.Products.Name));
        await Assert.ThrowsAsync<Amazon.DynamoDBv2.Model.ResourceNotFoundException>(() => dynamoDb.DescribeTableAsync(schema.Creators.Name));
    }
}
