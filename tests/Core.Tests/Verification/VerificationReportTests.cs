using CreatorPlatform.Core.Rollback;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Verification;

[Collection(EmulatorCollection.Name)]
public sealed class VerificationReportTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_platform_rolled_out_by_the_guide_alone_is_red_on_creator_access_with_the_platforms_refusal()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("jesskoufo");
        await world.AddToGroupAsync("jesskoufo");
        await MigrationWorld.SeedAsync(world.Services, LegacyProducts.Generate(5, 3));
        Assert.Equal(JobState.Succeeded, (await world.Get<JobRunner>().RunToEndAsync(MigrationJob.JobKind, world.Get<MigrationJob>().RunAsync)).State);
        await world.Get<LinkageService>().LinkAsync("jesskoufo", "jesskoufo", default);
        await WalkAsync(world);

        var report = await world.Get<VerificationReportService>().RunAsync();

        var access = Assert.Single(report.Lines, l => l.Section == "Creator access");
        Assert.Equal(CheckState.Red, access.State);
        Assert.Equal("0 of 1 active creators can work", access.Title);
        Assert.Contains("Creator role required", access.Evidence[0]);
        Assert.EndsWith("(just now when this report ran).", access.Evidence[^1]);
        Assert.Equal(1, report.ExitCode(strict: false));
    }

    [Fact]
    public async Task A_migrated_linked_platform_with_access_ensured_is_green_everywhere_but_lambda_which_the_sandbox_cannot_check()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("jesskoufo");
        await world.AddToGroupAsync("jesskoufo");
        await MigrationWorld.SeedAsync(world.Services, LegacyProducts.Generate(30, 3));
        var migration = await world.Get<JobRunner>().RunToEndAsync(MigrationJob.JobKind, world.Get<MigrationJob>().RunAsync);
        Assert.Equal(JobState.Succeeded, migration.State);
        await world.Get<LinkageService>().LinkAsync("jesskoufo", "jesskoufo", default);
        var ensure = await world.Get<JobRunner>().RunToEndAsync(AccessEnsureService.JobKind, j => world.Get<AccessEnsureService>().RunAsync(j, false));
        Assert.Equal(JobState.Succeeded, ensure.State);
        await WalkAsync(world);

        var report = await world.Get<VerificationReportService>().RunAsync();

        var notGreen = report.Lines.Where(l => l.State != CheckState.Green).Select(l => $"{l.Section}: {l.Title} {l.State} {string.Join(" ", l.Evidence)}").ToList();
        Assert.Equal(["Lambda environment: Lambda functions Amber No Lambda runs in the sandbox: the functions' environment can only be checked against AWS.",
            $"Point-in-time recovery: Point-in-time recovery NotCovered {PitrService.NotAvailableHere}"], notGreen);
        Assert.Equal(["Tables", "Indexes and TTL", "Default creator", "Products sample", "Lambda environment", "Migration completeness", "Group and linkage", "Creator access",
                "Point-in-time recovery", "Analytics freshness"],
            report.Lines.Select(l => l.Section).Distinct());
        var sample = Assert.Single(report.Lines, l => l.Section == "Products sample").Table!;
        Assert.Equal(5, sample.Rows.Count);
        Assert.All(sample.Rows, r => Assert.Equal(("\"false\"", "approved"), (r[2], r[3])));
        Assert.Equal((0, 1), (report.ExitCode(strict: false), report.ExitCode(strict: true)));
    }

    [Fact]
    public async Task A_broken_platform_turns_each_problem_red_with_its_evidence()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var schema = world.Get<PlatformSchema>();
        var dynamoDb = world.Get<IAmazonDynamoDB>();
        await dynamoDb.DeleteTableAsync(schema.Products.Name);
        await dynamoDb.CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        await dynamoDb.UpdateTimeToLiveAsync(new UpdateTimeToLiveRequest
        {
            TableName = schema.AnalyticsEvents.Name, TimeToLiveSpecification = new() { AttributeName = "ttl", Enabled = false },
        });
        var first = await world.RawCreatorAsync("jesskoufo");
        var second = await world.RawCreatorAsync("jesskoufo");
        await MigrationWorld.SeedAsync(world.Services, LegacyProducts.Generate(8, 5));
        await WalkAsync(world);

        var report = await world.Get<VerificationReportService>().RunAsync();

        VerificationLine Line(string title) => Assert.Single(report.Lines, l => l.Title == title);
        var indexes = Line($"{schema.Products.Name} indexes");
        Assert.Equal(CheckState.Red, indexes.State);
        Assert.Contains("creatorId-index: MISSING", indexes.Evidence);
        Assert.Contains("status-index: MISSING", indexes.Evidence);
        var ttl = Line($"{schema.AnalyticsEvents.Name} time to live");
        Assert.Equal(CheckState.Red, ttl.State);
        Assert.Contains("expected ENABLED on 'ttl'", ttl.Evidence.Single());
        var creator = Line("Creator 'jesskoufo' via slug-index");
        Assert.Equal(CheckState.Red, creator.State);
        Assert.Contains("2 creators share the slug 'jesskoufo'", creator.Evidence[0]);
        Assert.Contains(creator.Evidence, e => e.Contains(first.Id));
        Assert.Contains(creator.Evidence, e => e.Contains(second.Id));
        var sample = Assert.Single(report.Lines, l => l.Section == "Products sample");
        Assert.Equal(CheckState.Red, sample.State);
        Assert.All(sample.Table!.Rows, r => Assert.Equal(["None", "None", "None"], r.Skip(1)));
        var completeness = Line("Every product migrated");
        Assert.Equal(CheckState.Red, completeness.State);
        Assert.Contains("2 creator(s) with the slug 'jesskoufo' (expected 1)", completeness.Evidence);
        Assert.Contains(completeness.Evidence, e => e.StartsWith("8 products: missing creatorId", StringComparison.Ordinal));
        var consistency = Assert.Single(report.Lines, l => l.Section == "Group and linkage");
        Assert.Equal(CheckState.Red, consistency.State);
        Assert.Contains(consistency.Evidence, e => e.Contains("2 creators share the slug 'jesskoufo'"));
        Assert.Equal(CheckState.Green, Line(schema.Creators.Name).State);
        Assert.Equal(1, report.ExitCode(strict: false));
    }

    [Fact]
    public async Task Before_any_walk_the_lines_over_every_creator_are_amber_and_say_how_to_walk()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.UserAsync("jesskoufo");
        await world.CreatorAsync("jesskoufo");

        var report = await world.Get<VerificationReportService>().RunAsync();

        foreach (var section in new[] { "Group and linkage", "Creator access", "Analytics freshness" })
        {
            var line = Assert.Single(report.Lines, l => l.Section == section);
            Assert.Equal(CheckState.Amber, line.State);
            Assert.Contains("Walk now", line.Evidence.Single());
        }
    }

    [Fact]
    public async Task A_missing_table_is_red_with_its_explanation_and_the_screen_that_fixes_it()
    {
        await using var services = emulators.Services();

        var report = await services.GetRequiredService<VerificationReportService>().RunAsync();

        var schema = services.GetRequiredService<PlatformSchema>();
        var table = Assert.Single(report.Lines, l => l.Title == schema.Creators.Name);
        Assert.Equal((CheckState.Red, ConsoleScreen.Tables), (table.State, table.Link));
        Assert.Equal(Core.Troubleshooting.TroubleKind.TableMissing, table.Trouble!.Kind);
        Assert.Equal("Apply the schema: it creates the missing tables and indexes of the sandbox.", table.Trouble.NextAction);
        Assert.DoesNotContain(report.Lines, l => l.Evidence.Any(e => e.Contains("   at ")));
    }

    [Fact]
    public async Task A_check_that_does_not_answer_turns_amber_and_the_others_still_report()
    {
        await using var services = emulators.Services(s => s["Platform:Verification:CheckTimeoutSeconds"] = "1",
            s => s.AddSingleton<IVerificationSection, SilentSection>());

        var report = await services.GetRequiredService<VerificationReportService>().RunAsync();

        var silent = Assert.Single(report.Lines, l => l.Section == SilentSection.SectionName);
        Assert.Equal(CheckState.Amber, silent.State);
        Assert.Equal(["Could not be checked: no answer within 1 seconds."], silent.Evidence);
        Assert.Contains(report.Lines, l => l.Section == "Tables");
        Assert.Equal(1, report.ExitCode(strict: true));
    }

    /// <summary>A service that never answers and ignores cancellation, as a hung connection can.</summary>
    private static async Task WalkAsync(CreatorsWorld world)
    {
        var run = await world.Get<JobRunner>().RunToEndAsync(Core.Walk.PlatformWalk.JobKind, world.Get<Core.Walk.PlatformWalk>().RunAsync);
        Assert.True(run.State == JobState.Succeeded, run.Text());
    }

    private sealed class SilentSection : IVerificationSection
    {
        public const string SectionName = "Silent service";
        public string Name => SectionName;
        public ConsoleScreen Link => ConsoleScreen.Overview;
        public Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct) => new TaskCompletionSource<IReadOnlyList<VerificationLine>>().Task;
    }
}
