using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Tests.Schema;

public sealed class OpsKeysTests
{
    /// <summary>One sample partition of each family the console writes, by the feature that owns it.</summary>
    private static readonly (string Feature, string Pk)[] Partitions =
    [
        ("audit", OpsKeys.AuditMonths), ("audit", OpsKeys.AuditActors), ("audit", OpsKeys.AuditMonth("2026-12")),
        ("audit", OpsKeys.AuditActor("oid-1")), ("audit", OpsKeys.AuditAction("creator.linked")),
        ("jobs", OpsKeys.Lease("migration")),
        ("migration", OpsKeys.BackfillPointer), ("migration", OpsKeys.Backfill("b1")), ("migration", OpsKeys.MigrationHistory),
        ("migration", OpsKeys.MigrationLatest), ("migration", OpsKeys.MigrationJournalRuns), ("migration", OpsKeys.MigrationJournal("b1")),
        ("creators", OpsKeys.SlugReservation("jesskoufo")), ("creators", OpsKeys.Onboarding),
        ("verification", OpsKeys.VerificationReport), ("security", OpsKeys.DataProtectionKeys),
        ("analytics", OpsKeys.AnalyticsRuns), ("analytics", OpsKeys.AnalyticsRollupPointer), ("analytics", OpsKeys.AnalyticsSchedule),
        ("analytics", OpsKeys.AnalyticsJournal("r1")), ("analytics", OpsKeys.AnalyticsRollup("g1")),
    ];

    [Fact]
    public void Every_partition_of_the_consoles_table_is_distinct()
    {
        var pks = Partitions.Select(p => p.Pk).ToList();

        Assert.Equal(pks.Count, pks.Distinct().Count());
    }

    [Fact]
    public void A_prefix_the_console_scans_by_matches_only_its_own_feature()
    {
        var leases = Partitions.Where(p => p.Pk.StartsWith(OpsKeys.LeasePrefix, StringComparison.Ordinal)).Select(p => p.Feature).Distinct();
        var slugs = Partitions.Where(p => p.Pk.StartsWith("slug#", StringComparison.Ordinal)).Select(p => p.Feature).Distinct();

        Assert.Equal(["jobs"], leases);
        Assert.Equal(["creators"], slugs);
    }
}
