using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class FeaturedRepairTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_dry_run_counts_the_booleans_with_sample_diffs_and_writes_nothing()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        await MigrationWorld.SeedAsync(services, Mixed("c1"));
        var before = await MigrationWorld.ProductsAsync(services);
        FeaturedRepairReport? report = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(FeaturedRepair.DryRunJobKind,
            async j => report = await services.GetRequiredService<FeaturedRepair>().RunAsync(j, dryRun: true));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal((7L, 5L, 0L, 5L), (report!.Scanned, report.Booleans, report.Repaired, report.Remaining));
        Assert.False(report.Done);
        Assert.Equal(5, report.Samples.Count);
        Assert.Contains(report.Samples, s => s.Changes.Single() == new AttributeChange("featured", "true", "\"true\""));
        Assert.Contains(report.Samples, s => s.Changes.Single() == new AttributeChange("featured", "false", "\"false\""));
        Assert.Contains("✓ The repair would rewrite 5 products.", run.Text());
        Assert.Equal(Snapshot(before), Snapshot(await MigrationWorld.ProductsAsync(services)));
    }

    [Fact]
    public async Task The_repair_turns_each_boolean_into_the_same_string_audited_and_a_second_run_writes_nothing()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var seeded = Mixed("c1");
        await MigrationWorld.SeedAsync(services, seeded);
        var runner = services.GetRequiredService<JobRunner>();
        var repair = services.GetRequiredService<FeaturedRepair>();
        FeaturedRepairReport? first = null, second = null;

        var run = await runner.RunToEndAsync(FeaturedRepair.JobKind, async j => first = await repair.RunAsync(j, dryRun: false));
        var after = await MigrationWorld.ProductsAsync(services);
        var again = await runner.RunToEndAsync(FeaturedRepair.JobKind, async j => second = await repair.RunAsync(j, dryRun: false));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal((5L, 0L, 0L, 0L), (first!.Repaired, first.Skipped, first.Failed, first.Remaining));
        var expected = seeded.ToDictionary(p => p["id"].S, p => p["featured"].S ?? (p["featured"].BOOL == true ? "true" : "false"));
        Assert.Equal(expected, after.ToDictionary(p => p["id"].S, p => p["featured"].S));
        Assert.Equal(JobState.Succeeded, again.State);
        Assert.Equal((0L, 0L, 0L), (second!.Booleans, second.Repaired, second.Remaining));
        var verification = (await services.GetRequiredService<MigrationStateService>().ReadAsync(default)).LastVerification;
        Assert.Equal(0, verification!.Value.Report.BooleanFeaturedCount);
        var actions = (await services.GetRequiredService<AuditReader>().ReadAsync(new AuditFilter(), null, 50, default)).Entries.Select(e => e.Action).ToList();
        Assert.Contains(AuditActions.JobStarted(FeaturedRepair.JobKind), actions);
        Assert.Contains(AuditActions.JobEnded(FeaturedRepair.JobKind, AuditOutcome.Succeeded), actions);
    }

    [Fact]
    public async Task A_featured_changed_between_the_scan_and_the_write_is_left_as_the_writer_set_it()
    {
        var table = $"race{Guid.NewGuid():N}"[..12] + "-Products";
        var handler = new ProductWritesHandler(table);
        await using var services = await MigrationWorld.CreateAsync(emulators, 0, s => s["Platform:Tables:Products"] = table, handler);
        var product = FeaturedEncodingTests.Products("c1", 1, new AttributeValue { BOOL = false }).Single();
        await MigrationWorld.SeedAsync(services, [product]);
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        // A creator sets featured just before the repair's write arrives.
        handler.OnUpdate = _ => dynamoDb.PutItemAsync(table, new Dictionary<string, AttributeValue>(product) { ["featured"] = new AttributeValue { S = "true" } })
            .GetAwaiter().GetResult();
        FeaturedRepairReport? report = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(FeaturedRepair.JobKind,
            async j => report = await services.GetRequiredService<FeaturedRepair>().RunAsync(j, dryRun: false));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal((0L, 1L, 0L), (report!.Repaired, report.Skipped, report.Remaining));
        Assert.Equal("true", Assert.Single(await MigrationWorld.ProductsAsync(services))["featured"].S);
    }

    /// <summary>Three boolean true, two boolean false, one string "true" and one string "false".</summary>
    private static List<Dictionary<string, AttributeValue>> Mixed(string creatorId) =>
    [
        .. FeaturedEncodingTests.Products(creatorId, 3, new AttributeValue { BOOL = true }),
        .. FeaturedEncodingTests.Products(creatorId, 2, new AttributeValue { BOOL = false }),
        .. FeaturedEncodingTests.Products(creatorId, 1, new AttributeValue { S = "true" }),
        .. FeaturedEncodingTests.Products(creatorId, 1, new AttributeValue { S = "false" }),
    ];

    private static List<string> Snapshot(IEnumerable<Dictionary<string, AttributeValue>> items) =>
        items.Select(p => $"{p["id"].S}={ProductUpdate.Describe(p["featured"])}").Order().ToList();
}
