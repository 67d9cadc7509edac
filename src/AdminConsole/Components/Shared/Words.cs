using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Creators;

namespace AdminConsole.Components.Shared;

/// <summary>The admin's words for the states Core names in code: what a chip or badge on a page says.</summary>
public static class Words
{
    public static string For(ConsistencyKind kind) => kind switch
    {
        ConsistencyKind.GroupMissing => "Group missing",
        ConsistencyKind.CreatorUnlinked => "No user linked",
        ConsistencyKind.UserIdHoldsUsername => "Linked by username",
        ConsistencyKind.LinkedUserMissing => "User not in the pool",
        ConsistencyKind.LinkedUserDisabled => "User disabled",
        ConsistencyKind.LinkedUserNotInGroup => "User not in the group",
        ConsistencyKind.MemberWithoutCreator => "Member without a creator",
        ConsistencyKind.SharedUserId => "One user, several creators",
        ConsistencyKind.DuplicateSlug => "Slug used twice",
        _ => kind.ToString(),
    };

    public static string For(DriftKind kind) => kind switch
    {
        DriftKind.MissingSummary => "No summary",
        DriftKind.Differs => "Summary differs",
        DriftKind.NoEvents => "No events",
        DriftKind.Expired => "Events expired",
        _ => kind.ToString(),
    };

    /// <summary>A run's counter, as "12 updated": the counters the migration, its verification and its undo keep.</summary>
    public static string Count(string key) => key switch
    {
        "updated" => "updated",
        "skipped" => "already done",
        "failed" => "failed",
        "scanned" => "scanned",
        "products" => "products",
        "undone" => "put back",
        "alreadyUndone" => "already put back",
        "editedSince" => "edited since, left alone",
        "throttles" => "throttled and retried",
        "segments" => "segments",
        _ => key,
    };

    /// <summary>The run settings an admin chose, in words; the others (journal ids and the like) are not shown.</summary>
    public static string? Setting(string key, string value) => key switch
    {
        "segments" => $"{value} segments",
        "maxConcurrency" => $"{value} writes at once",
        "maxWriteRate" => value == "0" ? null : $"at most {value} writes a second",
        _ => null,
    };

    public static string For(MemberOutcome outcome) => outcome switch
    {
        MemberOutcome.Added => "Added",
        MemberOutcome.AlreadyMember => "Already a member",
        MemberOutcome.NoSuchUser => "No such user",
        MemberOutcome.Removed => "Removed",
        MemberOutcome.NotAMember => "Not a member",
        _ => "Failed",
    };
}
