using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class MigrationJobTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_first_run_migrates_every_product_and_creates_one_creator()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 120);
        var job = services.GetRequiredService<MigrationJob>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(120, run.Counter("updated"));
        Assert.Equal(0, run.Counter("skipped"));
        Assert.Contains("✓ Created default creator with ID:", run.Text());
        Assert.Contains("Migration completed successfully!", run.Text());
        Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        Assert.All(await MigrationWorld.ProductsAsync(services), p =>
        {
            Assert.Equal("approved", p["status"].S);
            Assert.Equal("false", p["featured"].S);
            Assert.NotNull(p["creatorId"].S);
        });
        var history = await services.GetRequiredService<MigrationHistory>().ListAsync(10, default);
        Assert.Equal("succeeded", Assert.Single(history).Outcome);
        Assert.Equal(120, history[0].Counts["updated"]);
        Assert.NotNull(history[0].Verification);
    }

    [Fact]
    public async Task A_second_run_changes_nothing_and_creates_no_creator()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 60);
        var job = services.GetRequiredService<MigrationJob>();
        var runner = services.GetRequiredService<JobRunner>();
        await runner.RunToEndAsync(MigrationJob.JobKind, job.RunAsync);
        var before = (await MigrationWorld.ProductsAsync(services)).ToDictionary(p => p["id"].S, p => p["updatedAt"].S);

        var second = await runner.RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Counter("updated"));
        Assert.Equal(60, second.Counter("skipped"));
        Assert.Contains("✓ Default creator already exists with ID:", second.Text());
        Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        Assert.All(await MigrationWorld.ProductsAsync(services), p => Assert.Equal(before[p["id"].S], p["updatedAt"].S));
    }

    [Fact]
    public async Task Products_that_already_have_some_attributes_keep_them()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 10);
        var other = await services.GetRequiredService<CreatorStore>().CreateAsync(Creator.New("someone-else", "Someone Else", DateTimeOffset.UtcNow), default);
        var partial = LegacyProducts.Generate(3, 99).ToList();
        partial[0]["status"] = new AttributeValue { S = "pending" };
        partial[1]["creatorId"] = new AttributeValue { S = other.Id };
        partial[2]["featured"] = new AttributeValue { BOOL = true };
        await MigrationWorld.SeedAsync(services, partial);
        var job = services.GetRequiredService<MigrationJob>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Succeeded, run.State);
        var products = (await MigrationWorld.ProductsAsync(services)).ToDictionary(p => p["id"].S);
        var pending = products[partial[0]["id"].S];
        Assert.Equal("pending", pending["status"].S);
        Assert.Equal("false", pending["featured"].S);
        Assert.Equal(other.Id, products[partial[1]["id"].S]["creatorId"].S);
        Assert.Equal("approved", products[partial[1]["id"].S]["status"].S);
        Assert.True(products[partial[2]["id"].S]["featured"].BOOL);
        Assert.NotEqual(other.Id, pending["creatorId"].S);
    }

    [Fact]
    public async Task Two_creators_with_the_default_slug_stop_the_run_red_without_picking_one()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 5);
        var creatorsTable = services.GetRequiredService<Core.Schema.PlatformSchema>().Creators.Name;
        await MigrationWorld.SeedAsync(services, [CreatorMapper.ToItem(Creator.New("jesskoufo", "A", DateTimeOffset.UtcNow)),
            CreatorMapper.ToItem(Creator.New("jesskoufo", "B", DateTimeOffset.UtcNow))], creatorsTable);
        var job = services.GetRequiredService<MigrationJob>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Failed, run.State);
        Assert.Contains("2 creators share the slug 'jesskoufo'", run.Error);
        Assert.Equal(0, run.Counter("updated"));
        Assert.All(await MigrationWorld.ProductsAsync(services), p => Assert.False(p.ContainsKey("creatorId")));
    }

    [Fact]
    public async Task A_dry_run_counts_what_would_change_and_writes_nothing()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 30);
        var dryRun = services.GetRequiredService<MigrationDryRun>();
        DryRunReport? report = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationDryRun.JobKind, async j => report = await dryRun.RunAsync(j));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.NotNull(report);
        Assert.True(report.CreatesCreator);
        Assert.Equal(30, report.WouldUpdate);
        Assert.Equal(30, report.MissingStatus);
        Assert.Equal(10, report.Samples.Count);
        // The log lists the sample once, under a line that says what it is.
        var lines = run.Log.Select(l => l.Message).ToList();
        var heading = lines.FindIndex(l => l.Contains("A sample of 10 of them"));
        Assert.True(heading >= 0, string.Join('\n', lines));
        Assert.Equal(report.Samples.Select(s => s.ProductId), lines.Skip(heading + 1).Take(10).Select(l => l.Trim().Split(':')[0]));
        Assert.Equal(10, lines.Count(l => l.Contains(" → ") && l != lines[heading]));
        Assert.True(report.WriteUnits >= 34, report.WriteUnits.ToString());
        Assert.True(report.EstimatedCostUsd > 0);
        Assert.Empty(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
        Assert.All(await MigrationWorld.ProductsAsync(services), p => Assert.False(p.ContainsKey("status")));
    }
}
