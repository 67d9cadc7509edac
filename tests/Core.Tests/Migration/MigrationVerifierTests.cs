using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class MigrationVerifierTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Verify_reports_every_kind_of_problem_with_its_count_and_sample_ids_and_the_duplicate_creators()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var jess = Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow);
        await MigrationWorld.SeedAsync(services, [CreatorMapper.ToItem(jess), CreatorMapper.ToItem(Creator.New("jesskoufo", "Jess Again", DateTimeOffset.UtcNow))],
            services.GetRequiredService<PlatformSchema>().Creators.Name);
        var seeded = new Seeded(jess.Id);
        seeded.Add(null, 6, _ => { });
        seeded.Add(VerificationReport.MissingCreatorId, 1, p => p.Remove("creatorId"));
        seeded.Add(VerificationReport.MissingFeatured, 2, p => p.Remove("featured"));
        seeded.Add(VerificationReport.MissingStatus, 3, p => p.Remove("status"));
        seeded.Add(VerificationReport.WrongFeaturedType, 4, p => p["featured"] = new AttributeValue { S = "yes" });
        seeded.Add(VerificationReport.WrongFeaturedType, 1, p => p["featured"] = new AttributeValue { N = "1" });
        seeded.Add(VerificationReport.WrongStatus, 2, p => p["status"] = new AttributeValue { S = "live" });
        seeded.Add(VerificationReport.UnknownCreator, 3, p => p["creatorId"] = new AttributeValue { S = "ghost-1" });
        seeded.Add(VerificationReport.UnknownCreator, 1, p => p["creatorId"] = new AttributeValue { S = "ghost-2" });
        // A creatorId or status that is not a string cannot be stored at all: both are key attributes of the new indexes.
        await MigrationWorld.SeedAsync(services, seeded.Products);
        var verifier = services.GetRequiredService<MigrationVerifier>();

        var report = await verifier.VerifyAsync(default);
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationVerifier.JobKind, verifier.RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("2 creator(s) with slug 'jesskoufo'", run.Error);
        Assert.False(report.Clean);
        Assert.Equal(2, report.CreatorsWithSlug);
        Assert.Equal(23, report.Products);
        Assert.Equal(22, report.ProductsWithCreatorId);
        Assert.Equal(seeded.Expected.Keys.Order(), report.Problems.Keys.Order());
        foreach (var (kind, ids) in seeded.Expected)
        {
            Assert.True(ids.Count == report.Problems[kind].Count, $"{kind}: expected {ids.Count}, reported {report.Problems[kind].Count}");
            Assert.Equal(ids.Order(), report.Problems[kind].SampleIds.Order());
        }
        Assert.Contains("✗ 2 creators with the slug 'jesskoufo' (expected exactly one)", run.Text());
        Assert.Contains("  - 5 products: featured not \"true\", \"false\" or a boolean (e.g. ", run.Text());
    }

    /// <summary>Complete products of the creator, each damaged in one way, and the ids expected per kind of problem.</summary>
    private sealed class Seeded(string creatorId)
    {
        private int seed = 100;
        public List<Dictionary<string, AttributeValue>> Products { get; } = [];
        public Dictionary<string, List<string>> Expected { get; } = [];

        public void Add(string? problem, int count, Action<Dictionary<string, AttributeValue>> damage)
        {
            foreach (var product in LegacyProducts.Generate(count, seed++))
            {
                product["creatorId"] = new AttributeValue { S = creatorId };
                product["featured"] = new AttributeValue { S = "false" };
                product["status"] = new AttributeValue { S = "approved" };
                damage(product);
                Products.Add(product);
                if (problem is null) continue;
                if (!Expected.TryGetValue(problem, out var ids)) Expected[problem] = ids = [];
                ids.Add(product["id"].S);
            }
        }
    }
}
