using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Access;

/// <summary>
/// <c>access check</c>: for each creator, the ID token its user would present and what the platform's code decides
/// from it. In the sandbox the token is real (a sign-in to cognito-local); against AWS it is worked out from
/// AdminGetUser and AdminListGroupsForUser, as Cognito builds it.
/// </summary>
public sealed class AccessCheckService(ICognitoClient cognito, PoolAccess poolAccess, CreatorDirectory directory, CreatorStore store,
    SandboxSignIn signIn, Schema.TableReads reads, Schema.PlatformSchema schema, TimeProvider time)
{
    /// <summary>Every creator's verdict; throws <see cref="Schema.TableMissingException"/> before CreatorsTable exists.</summary>
    public Task<AccessReport> CheckAsync(CancellationToken ct) => reads.ReadAsync([schema.Creators.Name], () => ReadReportAsync(ct), ct);

    private async Task<AccessReport> ReadReportAsync(CancellationToken ct)
    {
        var pool = await poolAccess.ReadAsync(ct);
        var creators = await directory.ListAllAsync(ct);
        var results = new CreatorAccess[creators.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, creators.Count), new ParallelOptions { MaxDegreeOfParallelism = 4, CancellationToken = ct },
            async (i, token) => results[i] = await AssessAsync(creators[i], pool, token));
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
