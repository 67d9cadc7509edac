using AdminConsole.Components.Pages.Analytics;
using AdminConsole.Components.Pages.Creators;
using AdminConsole.Components.Pages.Migration;
using AdminConsole.Security;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Tests.Shared;
using static AdminConsole.Tests.Analytics.AnalyticsTestData;

namespace AdminConsole.Tests.Glossary;

/// <summary>Pages speak of creators, users, groups and access: no file names, code identifiers, setting names or CLI syntax.</summary>
public sealed class AdminWordsTests : MudTestContext
{
    private static void AssertPlain(string text) => Assert.Empty(DeveloperWords.In(text));

    [Fact]
    public void Every_access_problem_is_explained_and_fixed_in_the_admins_words_naming_the_buttons_label()
    {
        var creator = Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow, "sub-1");
        var decision = PlatformAccessRules.Decide(new TokenClaims("sub-1", "jess", ["Creators"], null, "other", ClaimsSource.SignIn),
            new CreatorAccessOptions(), new CreatorsGroupOptions(), [creator.Id, "another"]);

        var explained = Enum.GetValues<AccessProblem>()
            .Select(p => (Problem: p, Words: PlatformAccessRules.Explain(p, creator, new(), new(), decision))).ToList();

        Assert.All(explained, e => AssertPlain(e.Words.Reason + " " + e.Words.Fix));
        Assert.All(explained.Where(e => PlatformAccessRules.FixedByEnsure(e.Problem)), e => Assert.StartsWith("Give creators access", e.Words.Fix));
    }

    [Fact]
    public void The_access_table_of_an_unlinked_creator_and_a_creator_in_the_guides_group_only_is_plain()
    {
        var jess = Creator.New("jesskoufo", "Jess Koufo", DateTimeOffset.UtcNow, "sub-1");
        var lone = Creator.New("lone", "Lone", DateTimeOffset.UtcNow);
        var token = new TokenClaims("sub-1", "jesskoufo", ["Creators"], "jess@example.com", null, ClaimsSource.SignIn);
        var decision = PlatformAccessRules.Decide(token, new(), new(), [jess.Id]);
        CreatorAccess Row(Creator c, TokenClaims? t, PlatformDecision? d)
        {
            IReadOnlyList<AccessProblem> problems = d is null ? [AccessProblem.NotLinked] : PlatformAccessRules.Problems(c, d, false);
            var (reason, fix) = PlatformAccessRules.Explain(problems[0], c, new(), new(), d);
            return new(c, t?.Username, t, d, problems, reason, fix);
        }
        var report = new AccessReport(new PoolAccessState("pool-1", "custom:creatorId", false, ["creator", "admin"]),
            [Row(jess, token, decision), Row(lone, null, null)], DateTimeOffset.UtcNow);

        var table = Render<AccessTable>(p => p.Add(c => c.Report, report));

        Assert.Equal(2, table.FindAll("[data-testid='access-row']").Count);
        AssertPlain(table.Markup);
    }

    [Fact]
    public void Reconcile_badges_and_migration_history_counts_are_words()
    {
        var day = Today.AddDays(-3);
        var drift = new ReconcileReport(Week, [new CreatorComparison(Anna, 7, 500,
        [
            new DayDrift(Anna, day, DriftKind.Differs, new DailySummary(Anna.Id, day, 4, 2, 1, []), new DailySummary(Anna.Id, day, 3, 2, 1, []), CollisionSigns.None),
            new DayDrift(Anna, day.AddDays(1), DriftKind.MissingSummary, null, new DailySummary(Anna.Id, day.AddDays(1), 7, 0, 0, []), CollisionSigns.None),
        ])]);
        var run = new MigrationRunRecord("r1", RunKinds.Migrate, "ada", DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, RunOutcomes.Undone,
            new Dictionary<string, string> { ["segments"] = "8", ["maxConcurrency"] = "64", ["maxWriteRate"] = "0" },
            new Dictionary<string, long> { ["updated"] = 300, ["alreadyUndone"] = 0, ["undone"] = 300, ["editedSince"] = 0 }, null, null);
        AddAuthorization().SetAuthorized("viewer").SetPolicies(Policies.Viewer);

        var reconcile = Render<ReconcileResult>(p => p.Add(r => r.Report, drift));
        var history = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, [run]));

        AssertPlain(reconcile.Markup);
        AssertPlain(history.Markup);
        Assert.Contains("Summary differs", reconcile.Markup);
        Assert.Contains("64 writes at once", history.Markup);
        Assert.Contains("300 put back", history.Markup);
    }

    [Fact]
    public void The_undo_advice_of_a_finished_onboarding_names_the_creator_pages_buttons()
    {
        var progress = new OnboardingProgress("o1", CreatorProfile.Blank with { Slug = "mia" }, OnboardingUser.NewUser("mia", "mia@example.com"), "tests",
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow, Enum.GetValues<OnboardingStep>(), "c1", "mia", "sub-1", CreatedUser: true, AddedToGroup: true);

        var list = Render<OnboardingUndoList>(p => p.Add(c => c.Progress, progress));

        Assert.Equal(4, list.FindAll("[data-testid^='undo-step-']").Count);
        AssertPlain(list.Markup);
    }
}
