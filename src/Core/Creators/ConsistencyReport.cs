namespace CreatorPlatform.Core.Creators;

public enum ConsistencyKind
{
    GroupMissing, CreatorUnlinked, UserIdHoldsUsername, LinkedUserMissing, LinkedUserDisabled, LinkedUserNotInGroup,
    MemberWithoutCreator, SharedUserId, DuplicateSlug,
}

public sealed record ConsistencyFinding(ConsistencyKind Kind, string Message, IReadOnlyList<string> Slugs, string? Username = null);

public sealed record ConsistencyResult(IReadOnlyList<ConsistencyFinding> Findings, int Creators, int Members, DateTimeOffset CheckedAt)
{
    public bool Clean => Findings.Count == 0;
}

/// <summary>Creators, the pool's users and the group's members checked against each other; the CLI's verify includes it.</summary>
public sealed class ConsistencyReport(CreatorDirectory directory, LinkageService linkage, CreatorsGroupService group, CognitoUsers users, TimeProvider time)
{
    public async Task<ConsistencyResult> RunAsync(CancellationToken ct)
    {
        var creators = await directory.ListAllAsync(ct);
        var groupExists = (await group.GetStateAsync(ct)).Exists;
        var members = groupExists ? await group.MemberUsersAsync(ct) : [];
        var findings = new List<ConsistencyFinding>();
        if (!groupExists)
            findings.Add(new(ConsistencyKind.GroupMissing, $"The group '{group.Settings.Name}' does not exist.", []));

        foreach (var creator in creators)
        {
            var l = await linkage.AssessAsync(creator, groupExists, ct);
            ConsistencyFinding? finding = l.State switch
            {
                // A disabled creator without a user is where its way back (ungroup, unlink, disable) ends: nothing to fix.
                LinkageState.Unlinked when creator.Status == Creator.Disabled => null,
                LinkageState.Unlinked => new(ConsistencyKind.CreatorUnlinked, $"{creator.Slug} has no linked user.", [creator.Slug]),
                LinkageState.HoldsUsername => new(ConsistencyKind.UserIdHoldsUsername,
                    $"{creator.Slug}'s userId holds the Username '{l.User!.Username}' instead of its sub {l.User.Sub}.", [creator.Slug], l.User.Username),
                LinkageState.UserMissing => new(ConsistencyKind.LinkedUserMissing, $"{creator.Slug}'s userId '{creator.UserId}' names no user.", [creator.Slug]),
                LinkageState.UserDisabled => new(ConsistencyKind.LinkedUserDisabled, $"{creator.Slug}'s user {l.User!.Username} is disabled.", [creator.Slug], l.User.Username),
                LinkageState.Linked when groupExists && !l.InGroup => new(ConsistencyKind.LinkedUserNotInGroup,
                    $"{creator.Slug}'s user {l.User!.Username} is not in the group '{group.Settings.Name}'.", [creator.Slug], l.User.Username),
                _ => null,
            };
            if (finding is not null) findings.Add(finding);
        }

        var held = creators.Where(c => c.UserId is not null).Select(c => c.UserId!).ToHashSet();
        foreach (var user in members.OrderBy(m => m.Username, StringComparer.Ordinal))
        {
            // A creator holding the member's Username is reported above as such; this is for members with no creator at all.
            if (!held.Contains(user.Sub) && !held.Contains(user.Username))
                findings.Add(new(ConsistencyKind.MemberWithoutCreator, $"Group member {user.Username} has no creator record.", [], user.Username));
        }

        foreach (var shared in creators.Where(c => c.UserId is not null).GroupBy(c => c.UserId!).Where(g => g.Count() > 1))
            findings.Add(new(ConsistencyKind.SharedUserId, $"{shared.Count()} creators share the userId {shared.Key}: {Slugs(shared)}.",
                shared.Select(c => c.Slug).ToList(), (await users.FindBySubAsync(shared.Key, ct))?.Username));

        foreach (var duplicate in creators.GroupBy(c => c.Slug).Where(g => g.Count() > 1))
            findings.Add(new(ConsistencyKind.DuplicateSlug,
                $"{duplicate.Count()} creators share the slug '{duplicate.Key}' (ids {string.Join(", ", duplicate.Select(c => c.Id))}).",
                [duplicate.Key]));

        return new(findings, creators.Count, members.Count, time.GetUtcNow());
    }

    private static string Slugs(IEnumerable<Creator> creators) => string.Join(", ", creators.Select(c => c.Slug));
}
