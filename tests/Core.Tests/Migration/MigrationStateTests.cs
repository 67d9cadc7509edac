using CreatorPlatform.Core.Migration;

namespace CreatorPlatform.Core.Tests.Migration;

public sealed class MigrationStateTests
{
    private static MigrationRunRecord Run(string kind, string? verification) =>
        new("r1", kind, "alice", DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, "succeeded", new Dictionary<string, string>(), new Dictionary<string, long>(),
            verification, null);

    [Fact]
    public void A_history_without_any_verification_has_no_last_verification()
    {
        var state = new MigrationState([Run("migrate", null)], null, [], null, DateTimeOffset.UnixEpoch);

        Assert.Null(state.LastVerification);
    }

    [Fact]
    public void The_newest_run_with_a_report_gives_the_last_verification()
    {
        var report = new VerificationReport("jesskoufo", 1, 10, 10, new Dictionary<string, ProblemCount>());
        var state = new MigrationState([Run("migrate", null), Run("verify", MigrationHistory.Serialize(report))], null, [], null, DateTimeOffset.UnixEpoch);

        var last = Assert.NotNull(state.LastVerification);
        Assert.Equal("verify", last.Run.Kind);
        Assert.True(last.Report.Clean);
    }
}
