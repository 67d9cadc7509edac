using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Rollback;

/// <summary>Where a way back is done; the page maps it to its screen.</summary>
public enum RollbackTarget { Creators, Migration, Tables, Outside }

/// <summary>
/// The way back from one done rollout step, what it costs, and where to do it. <see cref="NotKnown"/>: the step could not
/// be checked, so it is listed in case it was done.
/// </summary>
public sealed record RollbackStep(string Step, string Title, string WayBack, string Cost, RollbackTarget Target, bool PartlyDone, bool NotKnown = false);

/// <summary>
/// For each rollout step that is done (or partly done), its way back, in the order they must run: the reverse of the
/// rollout, since each step relies on the ones before it (ungroup needs the link; the migration's undo needs the
/// tables). Verification only reads, so it has nothing to undo.
/// </summary>
public static class RollbackPlan
{
    public const string MigrationUndo = "Undo the migration run (Migration → History → Undo)";

    public static IReadOnlyList<RollbackStep> Build(IReadOnlyList<CheckResult> checks, bool sandbox)
    {
        var plan = new List<RollbackStep>();
        foreach (var check in checks.Reverse())
        {
            if (check.State is not (CheckState.Green or CheckState.Amber)) continue;
            if (WayBack(check.Step, sandbox) is not var (wayBack, cost, target)) continue;
            plan.Add(new(check.Step, check.Title, wayBack, cost, target, check.State == CheckState.Amber && !check.NotChecked, check.NotChecked));
        }
        return plan;
    }

    private static (string WayBack, string Cost, RollbackTarget Target)? WayBack(string step, bool sandbox) => step switch
    {
        "8.4" => ("Remove each creator's user from the groups creator and Creators (creator page → Remove from groups).",
            "The creator can no longer work: the backend treats the user as a viewer. The pool's custom:creatorId attribute stays: Cognito can never remove it.",
            RollbackTarget.Creators),
        "8.3" => ("Clear the creator's userId (creator page → Unlink), after removing its user from the groups.",
            "The platform no longer finds the creator for the user's sub: profile updates fail until it is linked again.",
            RollbackTarget.Creators),
        "8.2" => ("Remove the default creator's user from Creators (creator page → Remove from groups; done with step 8.4's way back).",
            "The frontend stops showing the user its creator screens.",
            RollbackTarget.Creators),
        "8.1" => ("Delete the group Creators in Cognito (aws cognito-idp delete-group --group-name Creators --user-pool-id <pool>); the console does not delete groups.",
            "Every member loses the frontend's creator screens; the group's description and precedence must be set again to redo step 8.1.",
            RollbackTarget.Outside),
        "7" => ($"{MigrationUndo}.",
            "Products lose the creatorId, featured and status the run added and get their old updatedAt back; the default creator goes unless something refers to it. "
            + "Products edited since the run are left and listed. The guide's own script kept no journal: its changes cannot be undone exactly.",
            RollbackTarget.Migration),
        "5" => (sandbox ? "Undo schema (Tables → Undo schema) drops creatorId-index and status-index one at a time, each waited for until gone."
                : "The guide's Rollback, option 1 (Tables → Rollback): deploy the stack from the commit before the change; the console never changes the stack's tables.",
            "Queries by creator and by moderation status (the platform's new code) stop working. No item is lost: the items stay in ProductsTable.",
            RollbackTarget.Tables),
        "4" => (sandbox ? "Undo schema (Tables → Undo schema) deletes the new tables after the indexes, each after showing its item count."
                : "The guide's Rollback (Tables → Rollback): option 1 through CDK, or option 2, delete-table for each new table.",
            "Every creator, analytics event and summary in the new tables is deleted. ProductsTable and the console's own table (the audit log) stay.",
            RollbackTarget.Tables),
        _ => null,
    };
}
