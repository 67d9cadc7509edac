using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Creators;

/// <summary>
/// What an onboarding checks before it writes anything: the slug is free, the user exists (or the new username is
/// free), and the user is not already some other creator's user. Each answer is the sentence the admin reads at the
/// wizard's step, or null when the step may go ahead.
/// </summary>
public sealed class OnboardingChecks(SlugAvailability slugs, CognitoUsers users, CreatorDirectory directory)
{
    public async Task<string?> SlugRefusalAsync(string slug, CancellationToken ct)
    {
        var check = await slugs.CheckAsync(slug.Trim(), ct);
        return check.Available ? null : check.Message;
    }

    /// <param name="creatorId">The onboarding's own creator, which the user may already be linked to (a resumed link).</param>
    public async Task<string?> UserRefusalAsync(OnboardingUser user, string? creatorId, CancellationToken ct)
    {
        CognitoUser? found;
        try
        {
            found = await users.FindAsync((user.CreatesUser ? user.NewUsername : user.Existing)!.Trim(), ct);
        }
        catch (AmbiguousUserException e)
        {
            return e.Message;
        }
        if (user.CreatesUser)
        {
            // The same username and e-mail is this onboarding's own user from an attempt that stopped after creating it.
            if (found is not null && !string.Equals(found.Email, user.NewEmail?.Trim(), StringComparison.OrdinalIgnoreCase))
                return $"The username '{found.Username}' is taken by another user. Choose another username, or pick that user as an existing one.";
            if (found is null) return null;
        }
        if (found is null) return $"There is no user '{user.Existing!.Trim()}' in the user pool. Pick one from the list, or create a user.";
        return await LinkedElsewhereAsync(found, creatorId, ct);
    }

    /// <summary>The sentence refusing a user that another creator already has, found by sub and by the Username the guide stored.</summary>
    public async Task<string?> LinkedElsewhereAsync(CognitoUser user, string? creatorId, CancellationToken ct)
    {
        var linked = new List<Creator>();
        try
        {
            foreach (var id in new[] { user.Sub, user.Username }.Where(i => i.Length > 0).Distinct())
                linked.AddRange(await directory.FindByUserIdAsync(id, ct));
        }
        catch (ResourceNotFoundException)
        {
            return null; // No creators table yet, so no creator has this user.
        }
        return linked.FirstOrDefault(c => c.Id != creatorId) is { } other
            ? $"{user.Username} is already the user of the creator {other.Slug} ({other.DisplayName}), and a user can be one creator's only. Pick another user, or create one."
            : null;
    }
}
