using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Audit;

/// <summary>Failed changes are audited too, and a job's end that could not be audited is written once the table is back.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AuditFailuresTests(EmulatorFixture emulators)
{
    private static async Task<IReadOnlyList<AuditEntry>> AllAsync(CreatorsWorld world) =>
        (await world.Get<AuditReader>().ReadAsync(new(), null, 500, default)).Entries;

    [Fact]
    public async Task Onboarding_with_a_taken_slug_is_refused_with_a_failed_onboarding_entry_and_no_creation()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.CreatorAsync("maria");
        await world.UserAsync("maria2");

        var refused = await Assert.ThrowsAsync<OnboardingException>(() => world.Get<OnboardingService>().StartAsync(
            new CreatorProfile("maria", "Maria", "", new("", "", ""), new("#112233", "#445566", "Inter")), OnboardingUser.ExistingUser("maria2"), default));

        Assert.Equal(OnboardingStep.Creator, refused.RefusedAt);
        var entries = await AllAsync(world);
        Assert.DoesNotContain(entries, e => e.Action == AuditActions.CreatorCreated && e.Outcome == AuditOutcome.Failed);
        var onboarded = Assert.Single(entries, e => e.Action == AuditActions.CreatorOnboarded);
        Assert.Equal(AuditOutcome.Failed, onboarded.Outcome);
        Assert.Equal("Refused before writing anything: 'maria' is taken by another creator.", onboarded.Detail);
    }

    [Fact]
    public async Task A_conditional_update_that_loses_to_another_writer_leaves_a_failed_entry()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var creator = await world.CreatorAsync("nina");
        var schema = world.Get<PlatformSchema>();
        var dynamoDb = world.Get<IAmazonDynamoDB>();
        var handler = new UpdateBetweenReadAndWrite(() => dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = schema.Creators.Name, Key = new() { ["id"] = new AttributeValue { S = creator.Id } },
            UpdateExpression = "SET #s = :d", ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":d"] = new AttributeValue { S = "disabled" } },
        }));
        var settings = Settings(world);
        await using var racing = Migration.MigrationWorld.SecondWorker(emulators, settings, handler);

        await Assert.ThrowsAsync<CreatorChangedException>(() => racing.GetRequiredService<CreatorDirectory>().SetStatusAsync(creator.Id, Creator.Disabled, default));

        var failed = Assert.Single(await AllAsync(world), e => e.Action == AuditActions.CreatorDisabled);
        Assert.Equal(AuditOutcome.Failed, failed.Outcome);
        Assert.Equal((Creator.Active, Creator.Disabled), (failed.Before, failed.After));
        Assert.Contains("changed, while this change was made", failed.Detail);
    }

    [Fact]
    public async Task A_job_whose_end_cannot_be_audited_keeps_the_end_and_writes_it_when_the_table_is_back()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var dynamoDb = world.Get<IAmazonDynamoDB>();
        var ops = world.Get<PlatformSchema>().Ops;
        var log = world.Get<AuditLog>();

        var run = await world.Get<JobRunner>().RunToEndAsync("analytics-rebuild", async _ => await dynamoDb.DeleteTableAsync(ops.Name));
        var kept = log.Pending.Count;
        await dynamoDb.CreateTableAsync(TableRequests.Create(ops));
        await log.WriteAsync(log.Entry(EmulatorFixture.TestAdmin, AuditActions.MemberAdded, "someone"), default);

        Assert.Equal(1, kept);
        Assert.Contains("is kept and written to the audit log when the console's table answers again", run.Text());
        Assert.Empty(log.Pending);
        var end = Assert.Single(await AllAsync(world), e => e.JobId == run.Id);
        Assert.Equal("analytics-rebuild.succeeded", end.Action);
        Assert.Contains(await world.Get<AuditReader>().PeopleAsync(default), p => p.Id == EmulatorFixture.TestAdmin.Id);
    }

    private static IReadOnlyDictionary<string, string?> Settings(CreatorsWorld world)
    {
        var o = world.Get<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value;
        return new Dictionary<string, string?>
        {
            ["Platform:Tables:Products"] = o.Tables.Products, ["Platform:Tables:Creators"] = o.Tables.Creators, ["Platform:Tables:Ops"] = o.Tables.Ops,
            ["Platform:Tables:AnalyticsEvents"] = o.Tables.AnalyticsEvents, ["Platform:Tables:AnalyticsSummaries"] = o.Tables.AnalyticsSummaries,
        };
    }

    /// <summary>Lets another writer change the item after the service read it and before its conditional write.</summary>
    private sealed class UpdateBetweenReadAndWrite(Func<Task> otherWriter) : DelegatingHandler
    {
        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (target == "DynamoDB_20120810.TransactWriteItems" && request.Content is not null && (await request.Content.ReadAsStringAsync(ct)).Contains("\"Update\""))
                await otherWriter();
            return await base.SendAsync(request, ct);
        }
    }
}
