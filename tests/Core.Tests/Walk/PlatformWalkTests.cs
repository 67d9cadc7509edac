using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Creators;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using CreatorPlatform.Core.Walk;

namespace CreatorPlatform.Core.Tests.Walk;

/// <summary>The platform walk over every creator against DynamoDB Local and cognito-local: what it stores, and how it meets throttling.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class PlatformWalkTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task The_walk_stores_counts_and_findings_over_every_creator_with_its_time()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        var anna = await world.UserAsync(CreatorsWorld.Unique("anna"));
        var stray = await world.UserAsync(CreatorsWorld.Unique("stray"));
        await world.AddToGroupAsync(anna.Username);
        await world.AddToGroupAsync(stray.Username);
        await world.CreatorAsync(CreatorsWorld.Unique("linked"), anna.Sub);
        var unlinked = await world.CreatorAsync(CreatorsWorld.Unique("alone"));

        var run = await world.Get<JobRunner>().RunToEndAsync(PlatformWalk.JobKind, world.Get<PlatformWalk>().RunAsync);
        var facts = await world.Get<PlatformFactsStore>().LatestAsync(default);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.NotNull(facts);
        Assert.Equal((2, 2, 1), (facts.Creators, facts.Active, facts.Unlinked));
        Assert.Equal(run.Id, facts.RunId);
        Assert.Contains(facts.Findings, f => f.Kind == ConsistencyKind.CreatorUnlinked && f.Slugs.SequenceEqual([unlinked.Slug]));
        Assert.Contains(facts.Findings, f => f.Kind == ConsistencyKind.MemberWithoutCreator && f.Username == stray.Username);
        Assert.DoesNotContain(facts.Findings, f => f.Username == anna.Username);
        Assert.Equal(facts.Findings.Count, facts.FindingCount);
        Assert.Equal(2, facts.Active - facts.ActiveCanWork); // the guide's group alone gives no creator role
    }

    [Fact]
    public async Task A_walk_that_meets_throttling_slows_down_and_still_finishes()
    {
        var throttle = new ThrottleFirstScans(scans: AwsRetryAttempts + 1);
        await using var world = await CreatorsWorld.CreateAsync(emulators, overrides: MigrationWorld.Through(throttle));
        await world.CreatorAsync(CreatorsWorld.Unique("anna"));
        throttle.On = true;

        var run = await world.Get<JobRunner>().RunToEndAsync(PlatformWalk.JobKind, world.Get<PlatformWalk>().RunAsync);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.True(run.Counters.GetValueOrDefault("throttled") >= 1, run.Text());
        Assert.Contains("slowing down to 10.0 Cognito and 50.0 DynamoDB requests a second", run.Text());
        Assert.Equal(1, (await world.Get<PlatformFactsStore>().LatestAsync(default))!.Creators);
    }

    [Fact]
    public async Task Of_two_consoles_on_one_schedule_only_the_first_walks_in_a_slot()
    {
        await using var world = await CreatorsWorld.CreateAsync(emulators);
        await world.CreatorAsync(CreatorsWorld.Unique("anna"));

        var first = await world.Get<WalkSchedule>().TickAsync(default);
        var second = await world.Get<WalkSchedule>().TickAsync(default);

        Assert.Equal(JobState.Succeeded, first?.State);
        Assert.Equal(WalkSchedule.ConsoleActor.Name, first?.StartedBy);
        Assert.Null(second);
    }

    private const int AwsRetryAttempts = CreatorPlatform.Core.Aws.AwsRetry.MaxAttempts;

    /// <summary>Answers the first Scans (the walk's pages) with DynamoDB's throttling error, as a busy table does.</summary>
    private sealed class ThrottleFirstScans(int scans) : DelegatingHandler
    {
        private int left = scans;
        public volatile bool On;

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (!On || target != "DynamoDB_20120810.Scan" || Interlocked.Decrement(ref left) < 0) return await base.SendAsync(request, ct);
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent("""{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"Rate exceeded"}""",
                    System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
            };
        }
    }
}
