using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class FeaturedEncodingTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_backfill_writes_featured_as_the_platforms_string_false_and_the_dry_run_shows_that()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 12);
        var runner = services.GetRequiredService<JobRunner>();
        DryRunReport? dry = null;

        await runner.RunToEndAsync(MigrationDryRun.JobKind, async j => dry = await services.GetRequiredService<MigrationDryRun>().RunAsync(j));
        var run = await runner.RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.All(dry!.Samples, s => Assert.Contains(new AttributeChange("featured", "(absent)", "\"false\""), s.Changes));
        Assert.Equal(JobState.Succeeded, run.State);
        Assert.All(await MigrationWorld.ProductsAsync(services), p => Assert.Equal(("false", null), (p["featured"].S, p["featured"].BOOL)));
    }

    [Fact]
    public async Task A_platform_style_product_passes_verification_and_each_encoding_is_counted()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var creator = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow), default);
        await MigrationWorld.SeedAsync(services, Products(creator.Id, 3, new AttributeValue { S = "true" }).Concat(Products(creator.Id, 2, new AttributeValue { S = "false" })));

        var report = await services.GetRequiredService<MigrationVerifier>().VerifyAsync(default);
        var line = Assert.Single(await services.GetRequiredService<IEnumerable<IVerificationSection>>().OfType<MigrationCompletenessSection>().Single().CheckAsync(default));
        var sample = Assert.Single(await services.GetRequiredService<IEnumerable<IVerificationSection>>().OfType<ProductSampleSection>().Single().CheckAsync(default));

        Assert.True(report.Clean, string.Join("; ", report.Problems.Keys));
        Assert.Equal(0, report.BooleanFeaturedCount);
        Assert.Equal(new Dictionary<string, long> { ["\"true\""] = 3, ["\"false\""] = 2 }, report.FeaturedEncodings);
        Assert.Equal(CheckState.Green, line.State);
        Assert.Equal(CheckState.Green, sample.State);
        Assert.Equal(["\"false\"", "\"false\"", "\"true\"", "\"true\"", "\"true\""], sample.Table!.Rows.Select(r => r[2]).Order());
    }

    [Fact]
    public async Task Boolean_featured_values_are_amber_with_the_reason_and_other_values_are_red()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var creator = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow), default);
        await MigrationWorld.SeedAsync(services, Products(creator.Id, 2, new AttributeValue { BOOL = true }).Concat(Products(creator.Id, 1, new AttributeValue { S = "false" })));
        var sections = services.GetRequiredService<IEnumerable<IVerificationSection>>().ToList();

        var report = await services.GetRequiredService<MigrationVerifier>().VerifyAsync(default);
        var line = Assert.Single(await sections.OfType<MigrationCompletenessSection>().Single().CheckAsync(default));
        var sample = Assert.Single(await sections.OfType<ProductSampleSection>().Single().CheckAsync(default));
        var overview = await services.GetRequiredService<IEnumerable<IRolloutCheck>>().OfType<VerificationCleanCheck>().Single().CheckAsync(default);
        await MigrationWorld.SeedAsync(services, Products(creator.Id, 1, new AttributeValue { S = "yes" }).Concat(Products(creator.Id, 1, new AttributeValue { N = "1" })));
        var broken = await services.GetRequiredService<MigrationVerifier>().VerifyAsync(default);
        var brokenSample = Assert.Single(await sections.OfType<ProductSampleSection>().Single().CheckAsync(default));

        Assert.True(report.Clean);
        Assert.Equal(2, report.BooleanFeaturedCount);
        Assert.Equal(new Dictionary<string, long> { ["true (boolean)"] = 2, ["\"false\""] = 1 }, report.FeaturedEncodings);
        Assert.Equal(CheckState.Amber, line.State);
        Assert.Contains(line.Evidence, e => e.StartsWith("2 products: featured stored as a boolean: the platform reads a boolean true as not featured", StringComparison.Ordinal));
        Assert.Equal(CheckState.Amber, sample.State);
        Assert.Contains("the platform reads a boolean true as not featured", sample.Evidence[0]);
        Assert.Equal(CheckState.Amber, overview.State);
        Assert.False(broken.Clean);
        Assert.Equal(2, broken.Problems[VerificationReport.WrongFeaturedType].Count);
        Assert.Equal(CheckState.Red, brokenSample.State);
    }

    [Fact]
    public async Task The_creators_page_reads_the_string_true_and_a_boolean_true_as_featured()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var creator = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow), default);
        var products = Products(creator.Id, 1, new AttributeValue { S = "true" }).Concat(Products(creator.Id, 1, new AttributeValue { BOOL = true }))
            .Concat(Products(creator.Id, 1, new AttributeValue { S = "false" })).ToList();
        await MigrationWorld.SeedAsync(services, products);

        var listed = (await services.GetRequiredService<CreatorDirectory>().ListProductsAsync(creator.Id, 10, default)).ToDictionary(p => p.Id);

        Assert.Equal((true, false), (listed[products[0]["id"].S].Featured, listed[products[0]["id"].S].FeaturedIsBoolean));
        Assert.Equal((true, true), (listed[products[1]["id"].S].Featured, listed[products[1]["id"].S].FeaturedIsBoolean));
        Assert.False(listed[products[2]["id"].S].Featured);
    }

    private static int seed = 500;

    internal static IEnumerable<Dictionary<string, AttributeValue>> Products(string creatorId, int count, AttributeValue featured) =>
        LegacyProducts.Generate(count, Interlocked.Increment(ref seed)).Select(p =>
        {
            p["creatorId"] = new AttributeValue { S = creatorId };
            p["featured"] = featured;
            p["status"] = new AttributeValue { S = "approved" };
            return p;
        }).ToList();
}
