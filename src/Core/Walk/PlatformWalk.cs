using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Analytics.Freshness;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Walk;

/// <summary>
/// The platform walk: every creator, a page at a time, each checked as its own page would check it (linkage by sub,
/// the token and the platform's verdict, freshness), then the group's members; Cognito and DynamoDB calls under
/// <see cref="WalkOptions"/>' rates. Throttling halves the pace and the creator is tried again: the walk slows down, it
/// does not fail. The result is stored with its time (<see cref="PlatformFactsStore"/>) for the screens to show.
/// </summary>
public sealed class PlatformWalk(CreatorDirectory directory, LinkageService linkage, CreatorsGroupService group, AccessCheckService access,
    FreshnessService freshness, PlatformFactsStore store, IOptions<WalkOptions> options, TimeProvider time)
{
    public const string JobKind = "platform-walk";
    public const string Title = "Walk every creator";
    // What one creator costs at most: the linkage (ListUsers, AdminListGroupsForUser), the token (a sign-in, or AdminGetUser
    // and AdminListGroupsForUser); userId-index by sub and the two freshness reads.
    private const int CognitoPerCreator = 4, DynamoDbPerCreator = 3, ScanPage = 100;

    public WalkOptions Settings => options.Value;

    public Task RunAsync(JobContext job) => RunAsync(job, Settings);

    /// <summary>The walk at <paramref name="pace"/>' rates (the command line's <c>--rate</c>) instead of the settings'.</summary>
    public async Task RunAsync(JobContext job, WalkOptions pace)
    {
        var ct = job.CancellationToken;
        var started = time.GetUtcNow();
        var paced = new PacedCalls(pace, time, message =>
        {
            job.Warning(message);
            job.Add("throttled");
        });
        var (cognito, dynamoDb) = (paced.Cognito, paced.DynamoDb);
        job.Info($"Walking every creator at most {cognito.PerSecond:N0} Cognito and {dynamoDb.PerSecond:N0} DynamoDB requests a second.");
        await cognito.TakeAsync(3, ct);
        var groupExists = (await group.GetStateAsync(ct)).Exists;
        var pool = await access.ReadPoolAsync(ct);
        var tally = new WalkTally(groupExists, group.Settings.Name);
        var fresh = new FreshnessTally();
        string? cursor = null;
        do
        {
            await dynamoDb.TakeAsync(1, ct);
            var (page, next) = await paced.PatientlyAsync(() => directory.ListPageAsync(null, cursor, ScanPage, ct), ct);
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = paced.Parallelism, CancellationToken = ct },
                async (creator, token) =>
                {
                    await cognito.TakeAsync(CognitoPerCreator, token);
                    await dynamoDb.TakeAsync(DynamoDbPerCreator, token);
                    var (l, a, f) = await paced.PatientlyAsync(() => CheckAsync(creator, groupExists, pool, token), token);
                    tally.Add(l, a);
                    fresh.Add(f);
                });
            job.Set("creators", tally.Creators);
            job.Set("cannot work", tally.Active - tally.ActiveCanWork);
            cursor = next;
        } while (cursor is not null);

        if (groupExists)
        {
            await cognito.TakeAsync(1, ct);
            foreach (var member in await paced.PatientlyAsync(() => group.MemberUsersAsync(ct), ct)) tally.Member(member);
        }
        var finished = time.GetUtcNow();
        var facts = tally.Build(job.RunId, job.Actor.Name, started, finished, pool,
            fresh.Build(finished, DateRange.Today(time), tally.Creators, await freshness.LastRunAsync(ct)));
        await store.SaveAsync(facts, CancellationToken.None);
        job.Success($"✓ {facts.Creators:N0} creators in {facts.Took.TotalSeconds:N0} s: {facts.ActiveCanWork:N0} of {facts.Active:N0} active can work, "
            + $"{facts.Unlinked:N0} unlinked, {facts.FindingCount:N0} consistency findings, {facts.Freshness.BehindCount:N0} behind in analytics.");
    }

    private async Task<(CreatorLinkage, CreatorAccess?, CreatorFreshness)> CheckAsync(Creator creator, bool groupExists, PoolAccessState pool, CancellationToken ct)
    {
        var l = await linkage.AssessAsync(creator, groupExists, ct);
        var a = creator.Status == Creator.Active ? await access.AssessAsync(creator, pool, ct) : null;
        var f = await freshness.GetCreatorAsync(new CreatorRef(creator.Id, creator.Slug, creator.DisplayName), ct);
        return (l, a, f);
    }
}
