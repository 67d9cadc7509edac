using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using System.Collections.Concurrent;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Access;

/// <summary>
/// <c>access check</c>: for each creator, the ID token its user would present and what the platform's code decides
/// from it. In the sandbox the token is real (a sign-in to cognito-local); against AWS it is worked out from
/// AdminGetUser and AdminListGroupsForUser, as Cognito builds it.
/// </summary>
public sealed class AccessCheckService(ICognitoClient cognito, PoolAccess poolAccess, CreatorDirectory directory, CreatorStore store,
    SandboxSignIn signIn, Schema.TableReads reads, Schema.PlatformSchema schema, IOptions<WalkOptions> walk, TimeProvider time)
{
    // What one creator costs at most: ListUsers by sub and the token (a sign-in, or AdminGetUser and AdminListGroupsForUser); userId-index by sub.
    private const int CognitoPerCreator = 3, DynamoDbPerCreator = 1, ScanPage = 100;

    /// <summary>
    /// Every creator's verdict, for the command line (no page reads every creator): CreatorsTable a page at a time, each
    /// creator under <paramref name="pace"/>' rates (the settings' <c>Platform:Walk</c> when null), slower when throttled;
    /// <paramref name="progress"/> hears after each page how many are checked. Throws <see cref="Schema.TableMissingException"/>
    /// before CreatorsTable exists.
    /// </summary>
    public Task<AccessReport> CheckAsync(CancellationToken ct, IProgress<string>? progress = null, WalkOptions? pace = null) =>
        reads.ReadAsync([schema.Creators.Name], () => ReadReportAsync(pace ?? walk.Value, progress, ct), ct);

    private async Task<AccessReport> ReadReportAsync(WalkOptions pace, IProgress<string>? progress, CancellationToken ct)
    {
        var paced = new PacedCalls(pace, time, message => progress?.Report(message));
        await paced.Cognito.TakeAsync(2, ct);
        var pool = await paced.PatientlyAsync(() => poolAccess.ReadAsync(ct), ct);
        var results = new ConcurrentBag<CreatorAccess>();
        string? cursor = null;
        do
        {
            await paced.DynamoDb.TakeAsync(1, ct);
            var (page, next) = await paced.PatientlyAsync(() => directory.ListPageAsync(null, cursor, ScanPage, ct), ct);
            await Parallel.ForEachAsync(page, new ParallelOptions { MaxDegreeOfParallelism = paced.Parallelism, CancellationToken = ct }, async (creator, token) =>
            {
                await paced.Cognito.TakeAsync(CognitoPerCreator, token);
                await paced.DynamoDb.TakeAsync(DynamoDbPerCreator, token);
                results.Add(await paced.PatientlyAsync(() => AssessAsync(creator, pool, token), token));
            });
            progress?.Report($"Checked {results.Count:N0} creators (at most {paced.Cognito.PerSecond:N1} Cognito requests a second).");
            cursor = next;
        } while (cursor is not null);
        return new(pool, results.OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList(), time.GetUtcNow());
    }

    /// <summary>One creator's verdict (its page): a few lookups by key, whatever the number of creators.</summary>
    public Task<AccessReport> CheckOneAsync(string slug, CancellationToken ct) => reads.ReadAsync([schema.Creators.Name], async () =>
    {
        var pool = poolAccess.ReadAsync(ct);
        var creators = await store.FindBySlugAsync(slug, ct);
        var state = await pool;
        var results = new List<CreatorAccess>();
        foreach (var creator in creators) results.Add(await AssessAsync(creator, state, ct));
        return new AccessReport(state, results, time.GetUtcNow());
    }, ct);

    /// <summary>The pool's state as access reads it, once per walk or view.</summary>
    public Task<PoolAccessState> ReadPoolAsync(CancellationToken ct) => poolAccess.ReadAsync(ct);

    /// <summary>One creator against <paramref name="pool"/>: its user by sub, then its token (a sign-in in the sandbox).</summary>
    public async Task<CreatorAccess> AssessAsync(Creator creator, PoolAccessState pool, CancellationToken ct)
    {
        if (string.IsNullOrEmpty(creator.UserId)) return Blocked(creator, null, AccessProblem.NotLinked);
        // One filtered ListUsers per creator, not the whole pool: the platform's pool may hold many more users than creators.
        var matches = await cognito.ListUsersAsync(new() { UserPoolId = pool.PoolId, Filter = CognitoFilters.AttributeEquals("sub", creator.UserId), Limit = 1 }, ct);
        if ((matches.Users ?? []).Select(CognitoUser.From).FirstOrDefault(u => u.Sub == creator.UserId) is not { } user) return Blocked(creator, null, AccessProblem.UserNotFound);
        if (!user.Enabled) return Blocked(creator, user.Username, AccessProblem.UserDisabled);

        var token = await TokenAsync(pool.PoolId, user.Username, ct);
        var found = string.IsNullOrEmpty(token.Sub) ? [] : (await directory.FindByUserIdAsync(token.Sub, ct)).Select(c => c.Id).ToList();
        var decision = PlatformAccessRules.Decide(token, poolAccess.Access, poolAccess.Frontend, found);
        var problems = PlatformAccessRules.Problems(creator, decision, pool.HasCreatorIdAttribute);
        return Verdict(creator, user.Username, token, decision, problems);
    }

    /// <summary>A real sign-in where one can be made; otherwise the token as Cognito would build it.</summary>
    private async Task<TokenClaims> TokenAsync(string poolId, string username, CancellationToken ct)
    {
        if (signIn.Available)
        {
            try
            {
                return await signIn.SignInAsync(poolId, username, ct);
            }
            catch (AwsServiceException)
            {
                // Fall through: the prediction still says what the token would carry.
            }
        }
        var got = await cognito.AdminGetUserAsync(new() { UserPoolId = poolId, Username = username }, ct);
        var groups = (await cognito.ListAllGroupsForUserAsync(poolId, username, ct)).Select(g => g.GroupName ?? "").Where(g => g.Length > 0).ToList();
        return new(got.Sub, got.Username, groups, got.Email, got.Attribute(poolAccess.Access.CreatorIdClaim), ClaimsSource.Predicted);
    }

    private CreatorAccess Blocked(Creator creator, string? username, AccessProblem problem)
    {
        List<AccessProblem> problems = creator.Status == Creator.Active ? [problem] : [AccessProblem.CreatorDisabled, problem];
        return Verdict(creator, username, null, null, problems);
    }

    private CreatorAccess Verdict(Creator creator, string? username, TokenClaims? token, PlatformDecision? decision, IReadOnlyList<AccessProblem> problems)
    {
        if (problems.Count == 0)
            return new(creator, username, token, decision, problems, "The platform gives this user the creator role and this creator's id.", null);
        var (reason, fix) = PlatformAccessRules.Explain(problems[0], creator, poolAccess.Access, poolAccess.Frontend, decision);
        return new(creator, username, token, decision, problems, reason, fix);
    }
}
