namespace CreatorPlatform.Core.Audit;

/// <summary>One change the console made: when, who, what, on what, the value before and after where there is one, and how it ended.</summary>
public sealed record AuditEntry(string Id, DateTimeOffset At, string ActorName, string ActorId, string Action, string Target,
    string? Before, string? After, string Outcome, string? Detail, string? JobId);

public static class AuditOutcome
{
    public const string Succeeded = "succeeded";
    public const string Failed = "failed";
    public const string Cancelled = "cancelled";
    public const string Started = "started";
    /// <summary>A run whose process died (or stopped renewing its lease), closed by the run that took its lease over.</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>The actions Core records. Jobs record <c>{kind}.started</c>, <c>{kind}.pause-requested</c>, <c>{kind}.cancel-requested</c> and <c>{kind}.{outcome}</c>.</summary>
public static class AuditActions
{
    public const string GroupCreated = "group.created";
    public const string MemberAdded = "member.added";
    public const string MemberRemoved = "member.removed";
    public const string CreatorCreated = "creator.created";
    public const string CreatorCreateUndone = "creator.create-undone";
    public const string CreatorOnboarded = "creator.onboarded";
    public const string OnboardingAbandoned = "creator.onboarding-abandoned";
    public const string UserDeleted = "user.deleted";
    public const string CreatorLinked = "creator.linked";
    public const string CreatorUnlinked = "creator.unlinked";
    public const string CreatorEnabled = "creator.enabled";
    public const string CreatorDisabled = "creator.disabled";
    public const string SandboxReset = "sandbox.reset";
    /// <summary>The job kind of the sandbox's sample traffic (the generator is the sandbox project's).</summary>
    public const string SandboxTrafficJobKind = "analytics-generate";
    public const string PoolAttributeAdded = "pool.attribute-added";
    public const string UserAttributeSet = "user.attribute-set";
    public const string CreatorRemovedByUndo = "creator.removed-by-undo";
    public const string SchemaIndexDropped = "schema.index-dropped";
    public const string SchemaTableDropped = "schema.table-dropped";

    public static string JobStarted(string kind) => $"{kind}.started";
    public static string JobPauseRequested(string kind) => $"{kind}.pause-requested";
    public static string JobCancelRequested(string kind) => $"{kind}.cancel-requested";
    public static string JobEnded(string kind, string outcome) => $"{kind}.{outcome}";

    /// <summary>Every job kind the console runs, by the constant each job defines.</summary>
    private static readonly string[] JobKinds =
    [
        Schema.SchemaApplier.JobKind, Migration.MigrationJob.JobKind, Migration.MigrationJob.JoinKind, Migration.MigrationVerifier.JobKind,
        Migration.MigrationDryRun.JobKind, Migration.FeaturedRepair.JobKind, Migration.FeaturedRepair.DryRunJobKind,
        Analytics.AnalyticsRebuilder.JobKind, Analytics.AnalyticsReconciler.JobKind, SandboxTrafficJobKind,
        Analytics.SummaryRestorer.JobKind, Verification.VerificationReportService.JobKind, Access.AccessEnsureService.JobKind,
        Migration.MigrationUndo.JobKind, Migration.MigrationUndo.DryRunJobKind, Rollback.SchemaUndo.JobKind,
    ];

    /// <summary>For the Audit page's filter; entries of other actions are still listed and exportable.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        GroupCreated, MemberAdded, MemberRemoved, CreatorCreated, CreatorCreateUndone, CreatorOnboarded, OnboardingAbandoned, UserDeleted, CreatorLinked,
        CreatorUnlinked, CreatorEnabled, CreatorDisabled, SandboxReset,
        PoolAttributeAdded, UserAttributeSet, CreatorRemovedByUndo, SchemaIndexDropped, SchemaTableDropped,
        .. JobKinds.SelectMany(k => new[] { JobStarted(k), JobEnded(k, AuditOutcome.Succeeded), JobEnded(k, AuditOutcome.Failed),
            JobEnded(k, AuditOutcome.Cancelled), JobEnded(k, AuditOutcome.Interrupted), JobPauseRequested(k), JobCancelRequested(k) }),
    ];
}

/// <summary>The change was made (or refused) but its audit entry could not be written; the admin must see this.</summary>
public sealed class AuditWriteException(AuditEntry entry, Exception inner, string? reason = null)
    : Exception($"{entry.Action} on {entry.Target} ({entry.Outcome}) could not be written to the audit log: {reason ?? inner.Message}", inner)
{
    public AuditEntry Entry { get; } = entry;
}
