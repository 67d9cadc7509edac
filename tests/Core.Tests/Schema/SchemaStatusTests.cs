using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Schema;

[Collection(EmulatorCollection.Name)]
public sealed class SchemaStatusTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task An_empty_account_reports_every_table_missing()
    {
        await using var services = emulators.Services();
        var status = services.GetRequiredService<SchemaStatusService>();

        var result = await status.GetStatusAsync();

        Assert.All(result.Tables, t => Assert.False(t.Exists));
        Assert.Equal(4, result.Findings.Count(f => f.Severity == FindingSeverity.Error && f.Message.EndsWith("does not exist.", StringComparison.Ordinal)));
        Assert.Contains(result.Findings, f => f.Severity == FindingSeverity.Warning && f.Table.EndsWith("-Ops", StringComparison.Ordinal));
        Assert.True(result.HasErrors);
    }

    [Fact]
    public async Task Overlapping_reads_of_a_table_share_one_read_and_a_later_read_reads_again()
    {
        var recorder = new RequestRecorder();
        await using var services = emulators.Services(overrides: recorder.Wire());
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        var status = services.GetRequiredService<SchemaStatusService>();
        recorder.Clear();
        var held = recorder.HoldBack("DescribeTable");

        // The first read's DescribeTable is held in flight until all five have asked: they overlap on any machine load.
        var reads = Enumerable.Range(0, 5).Select(_ => status.ReadAsync(schema.Products)).ToArray();
        await held.Arrived.WaitAsync(TimeSpan.FromSeconds(30));
        held.Release();
        var overlapping = await Task.WhenAll(reads);
        var shared = recorder.Count("DescribeTable");
        var later = await status.ReadAsync(schema.Products);

        Assert.All(overlapping, t => Assert.True(t.Exists));
        Assert.Equal(1, shared);
        Assert.True(later.Exists);
        Assert.Equal(2, recorder.Count("DescribeTable"));
    }

    [Fact]
    public async Task The_pre_rollout_products_table_lacks_exactly_the_two_new_indexes()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.LegacyProducts));

        var products = await services.GetRequiredService<SchemaStatusService>().ReadAsync(schema.Products);

        Assert.True(products.Exists);
        Assert.Equal("PAY_PER_REQUEST", products.BillingMode);
        Assert.Equal([PlatformSchema.CreatorIdIndex, PlatformSchema.StatusIndex],
            products.Findings.Where(f => f.Message.Contains("is missing")).Select(f => f.Index));
        Assert.True(products.Indexes.Single(i => i.Name == PlatformSchema.CategoryIndex).Exists);
        Assert.False(products.Indexes.Single(i => i.Name == PlatformSchema.StatusIndex).Exists);
    }

    [Fact]
    public async Task An_events_table_without_ttl_is_reported_as_drift()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.AnalyticsEvents));

        var events = await services.GetRequiredService<SchemaStatusService>().ReadAsync(schema.AnalyticsEvents);

        var finding = Assert.Single(events.Findings);
        Assert.Equal(FindingSeverity.Error, finding.Severity);
        Assert.Contains("Time to live is DISABLED", finding.Message);
    }

    [Fact]
    public async Task An_index_with_other_keys_than_expected_is_reported_as_different()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        var wrong = schema.Creators with { Indexes = [new IndexSpec(PlatformSchema.SlugIndex, new("slug"), new("createdAt")), schema.Creators.Indexes[1]] };
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(wrong));

        var creators = await services.GetRequiredService<SchemaStatusService>().ReadAsync(schema.Creators);

        var finding = Assert.Single(creators.Findings);
        Assert.Equal(PlatformSchema.SlugIndex, finding.Index);
        Assert.Contains("has keys slug (S) + createdAt (S), expected slug (S).", finding.Message);
    }

    [Fact]
    public async Task A_key_of_the_right_name_and_the_wrong_type_says_both_types()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.AnalyticsSummaries with
        {
            Hash = new("creatorId", "N"),
        }));

        var summaries = await services.GetRequiredService<SchemaStatusService>().ReadAsync(schema.AnalyticsSummaries);

        Assert.Contains(summaries.Findings, f => f.Message == "Key schema is creatorId (N) + date (S), expected creatorId (S) + date (S).");
    }
}
