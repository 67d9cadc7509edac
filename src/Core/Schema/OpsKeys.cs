using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// The key map of the console's own table (<see cref="PlatformSchema.Ops"/>): <c>pk</c> groups one feature's records and
/// <c>sk</c> orders them. Every partition the console writes is named here, so that no two features can collide and a
/// reader sees the whole table's layout in one place, as each platform table has one mapper.
/// </summary>
public static class OpsKeys
{
    public const string Pk = "pk";
    public const string Sk = "sk";
    /// <summary>The table's TTL attribute (epoch seconds): journals, leases and finished records expire by it.</summary>
    public const string ExpiresAt = "expiresAt";

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => new() { [Pk] = Attr.S(pk), [Sk] = Attr.S(sk) };

    // Audit: one copy of each entry per month, actor and action, plus the lists of months and actors seen.
    public const string AuditMonths = "audit#months";
    public const string AuditActors = "audit#actors";
    public static string AuditMonth(string month) => $"audit#{month}";
    public static string AuditActor(string actorId) => $"audit#actor#{actorId}";
    public static string AuditAction(string action) => $"audit#action#{action}";

    // Jobs: one lease per job kind (or per shared lease name).
    public const string LeasePrefix = "lease#";
    public const string LeaseSk = "lease";
    public static string Lease(string name) => LeasePrefix + name;

    // Migration: the open backfill's pointer, its segments' checkpoints and failures, the run history, the undo journal.
    public const string BackfillPointer = "migration";
    public const string BackfillPointerSk = "backfill";
    public static string Backfill(string backfillId) => $"backfill#{backfillId}";
    public const string SegmentPrefix = "segment#";
    public static string Segment(int segment) => $"{SegmentPrefix}{segment:D4}";
    public static string Failure(string productId) => $"failure#{productId}";
    public const string MigrationHistory = "migration#history";
    public const string MigrationLatest = "migration#latest";
    public const string MigrationJournalRuns = "migration#journal#runs";
    public static string MigrationJournal(string backfillId) => $"migration#journal#{backfillId}";

    // Creators: slug reservations (one per slug, written with the creator) and onboarding progress.
    public static string SlugReservation(string slug) => $"slug#{slug}";
    public const string SlugReservationSk = "reservation";
    public const string Onboarding = "onboarding";

    // Verification: the newest stored report.
    public const string VerificationReport = "verification#report";
    public const string VerificationReportSk = "latest";

    // The platform walk: the newest facts across every creator.
    public const string PlatformFacts = "walk#facts";
    public const string PlatformFactsSk = "latest";
    public const string WalkSchedule = "walk#schedule";

    // Security: the data-protection key ring.
    public const string DataProtectionKeys = "dataprotection#keys";

    // Analytics: completed rebuild runs, each rebuild's journal, the rollups and their pointer, the schedule's slots.
    public const string AnalyticsRuns = "analytics#runs";
    public const string AnalyticsRollupPointer = "analytics#rollup";
    public const string AnalyticsSchedule = "analytics#schedule";
    public static string AnalyticsJournal(string runId) => $"analytics#journal#{runId}";
    public static string AnalyticsRollup(string generation) => $"analytics#rollup#{generation}";
}
