using Microsoft.Extensions.Caching.Memory;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// The Username of each <c>sub</c> this console has seen, per pool, so that a user is read by key (AdminGetUser)
/// rather than found by a filtered ListUsers: Cognito counts ListUsers in a category of its own with a far lower
/// request-rate quota than AdminGetUser, shared by every pool of the account and region, and an emulator answers it by
/// reading the whole pool. Both names are fixed for the life of a user; a user deleted and created again under the
/// same Username gets a new sub, which the caller sees (the answer's sub differs) before it trusts the entry.
/// Holds names only, never state: enabled, groups and attributes are read live each time.
/// </summary>
public sealed class KnownUsernames : IDisposable
{
    /// <summary>About 100 bytes an entry: a few megabytes at most, whatever the size of the pool.</summary>
    public const int Capacity = 100_000;

    private static readonly MemoryCacheEntryOptions Entry = new() { Size = 1, SlidingExpiration = TimeSpan.FromHours(12) };
    private readonly MemoryCache names = new(new MemoryCacheOptions { SizeLimit = Capacity });

    public bool TryGet(string pool, string sub, out string username) =>
        names.TryGetValue((pool, sub), out username!) && username is not null;

    public void Remember(string pool, CognitoUser user)
    {
        if (user.Sub.Length > 0 && user.Username.Length > 0) names.Set((pool, user.Sub), user.Username, Entry);
    }

    public void Forget(string pool, string sub) => names.Remove((pool, sub));

    public void Dispose() => names.Dispose();
}
