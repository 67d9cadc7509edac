using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;

namespace CreatorPlatform.Core.Creators;

/// <summary>A pool user as the creators screens show it: the Username people type and the <c>sub</c> the platform stores.</summary>
public sealed record CognitoUser(string Username, string Sub, string? Email, bool Enabled, string? Status)
{
    public static CognitoUser From(UserType u) => new(u.Username ?? "", u.Sub ?? "", u.Email, u.Enabled ?? true, u.UserStatus);

    public static CognitoUser From(AdminGetUserResponse u) => new(u.Username ?? "", u.Sub ?? "", u.Email, u.Enabled ?? true, u.UserStatus);
}

/// <summary>Finds and creates users of the platform's pool.</summary>
public sealed class CognitoUsers(ICognitoClient cognito, UserPoolLocator pools, KnownUsernames known)
{
    /// <summary>
    /// The user named by a Username, or by an e-mail (anything with an @; in a pool with an e-mail alias no Username
    /// looks like one). Null when none; <see cref="AmbiguousUserException"/> when an e-mail matches several users.
    /// </summary>
    public async Task<CognitoUser?> FindAsync(string usernameOrEmail, CancellationToken ct)
    {
        var input = usernameOrEmail.Trim();
        if (input.Length == 0) return null;
        var pool = (await pools.GetAsync(ct)).Id;
        if (input.Contains('@'))
        {
            var matches = await cognito.FindUsersByEmailAsync(pool, input, ct);
            return matches.Count switch
            {
                0 => null,
                1 => Seen(pool, matches)[0],
                _ => throw new AmbiguousUserException(input, matches.Select(m => m.Username ?? "?").ToList()),
            };
        }
        return await GetAsync(pool, input, ct);
    }

    /// <summary>
    /// The user whose <c>sub</c> is <paramref name="sub"/>: AdminGetUser by the Username this console last saw with that
    /// sub, checked against the sub it answers with; otherwise one filtered ListUsers (AdminGetUser takes no sub in every pool).
    /// </summary>
    public async Task<CognitoUser?> FindBySubAsync(string sub, CancellationToken ct)
    {
        if (sub.Length == 0) return null;
        var pool = (await pools.GetAsync(ct)).Id;
        if (known.TryGet(pool, sub, out var username))
        {
            if (await GetAsync(pool, username, ct) is { } named && named.Sub == sub) return named;
            known.Forget(pool, sub);
        }
        var page = await cognito.ListUsersAsync(new() { UserPoolId = pool, Filter = CognitoFilters.AttributeEquals("sub", sub), Limit = 1 }, ct);
        return Seen(pool, page.Users).FirstOrDefault(u => u.Sub == sub);
    }

    private async Task<CognitoUser?> GetAsync(string pool, string username, CancellationToken ct)
    {
        try
        {
            var user = CognitoUser.From(await cognito.AdminGetUserAsync(new() { UserPoolId = pool, Username = username }, ct));
            known.Remember(pool, user);
            return user;
        }
        catch (UserNotFoundException)
        {
            return null;
        }
    }

    /// <summary>The users of an answer, each sub's Username remembered on the way.</summary>
    private List<CognitoUser> Seen(string pool, IEnumerable<UserType>? users)
    {
        var seen = (users ?? []).Select(CognitoUser.From).ToList();
        foreach (var user in seen) known.Remember(pool, user);
        return seen;
    }

    /// <summary>
    /// At most <paramref name="limit"/> users whose Username (or, for input with an @, e-mail) starts with
    /// <paramref name="prefix"/>: one ListUsers page, whatever the pool's size.
    /// </summary>
    public async Task<IReadOnlyList<CognitoUser>> SearchAsync(string prefix, int limit, CancellationToken ct)
    {
        var input = prefix.Trim();
        if (input.Length == 0) return [];
        var pool = (await pools.GetAsync(ct)).Id;
        var filter = CognitoFilters.AttributeStartsWith(input.Contains('@') ? "email" : "username", input);
        var page = await cognito.ListUsersAsync(new() { UserPoolId = pool, Filter = filter, Limit = limit }, ct);
        return Seen(pool, page.Users).Take(limit).ToList();
    }

    /// <summary>One ListUsers page, at most <paramref name="limit"/> users (60 at most in Cognito): suggestions, not the pool.</summary>
    public async Task<IReadOnlyList<CognitoUser>> FirstPageAsync(int limit, CancellationToken ct)
    {
        var pool = (await pools.GetAsync(ct)).Id;
        var page = await cognito.ListUsersAsync(new() { UserPoolId = pool, Limit = Math.Min(limit, 60) }, ct);
        return Seen(pool, page.Users).Take(limit).ToList();
    }

    /// <summary>The whole pool: for tests and the sandbox's few users only, never for a view or a walk (the pool may hold far more users than creators).</summary>
    public async Task<IReadOnlyList<CognitoUser>> ListAllAsync(CancellationToken ct)
    {
        var pool = (await pools.GetAsync(ct)).Id;
        return Seen(pool, await cognito.ListAllUsersAsync(pool, ct: ct));
    }

    /// <summary>AdminCreateUser with Cognito's invitation e-mail (a temporary password the creator changes at first sign-in).</summary>
    public async Task<CognitoUser> CreateAsync(string username, string email, string? name, CancellationToken ct)
    {
        var pool = (await pools.GetAsync(ct)).Id;
        List<AttributeType> attributes = [new("email", email.Trim()), new("email_verified", "true")];
        if (!string.IsNullOrWhiteSpace(name)) attributes.Add(new("name", name.Trim()));
        var response = await cognito.AdminCreateUserAsync(new()
        {
            UserPoolId = pool,
            Username = username.Trim(),
            UserAttributes = attributes,
            DesiredDeliveryMediums = ["EMAIL"],
        }, ct);
        return response.User is { } user ? Seen(pool, [user])[0]
            : await FindAsync(username, ct) ?? throw new InvalidOperationException($"Cognito created '{username}' but does not find it.");
    }
}

public sealed class AmbiguousUserException(string email, IReadOnlyList<string> usernames)
    : Exception($"{usernames.Count} users have the e-mail {email} ({string.Join(", ", usernames)}): give the username instead.");
