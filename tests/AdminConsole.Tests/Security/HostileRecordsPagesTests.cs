using AdminConsole.Components.Pages.Audit;
using AdminConsole.Components.Pages.Migration;
using AdminConsole.Components.Pages.Verification;
using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Troubleshooting;
using CreatorPlatform.Core.Verification;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AdminConsole.Tests.Security;

/// <summary>
/// What the console stored or read from others and shows again (audit entries, migration runs and samples, verification
/// evidence, job logs) carrying markup, direction overrides, line breaks and terminal escapes: shown as isolated, visible text.
/// </summary>
[Collection(JobsCollection.Name)]
public sealed class HostileRecordsPagesTests(JobsFixture jobs) : MudTestContext
{
    private static readonly string[] All = HostileText.All;
    private JobRunner runner = null!;

    protected override async Task InitializeAsync()
    {
        runner = (await jobs.CoreAsync()).GetRequiredService<JobRunner>();
        Services.AddSingleton(runner);
    }

    private static string Shown(string value) => UntrustedText.Visible(value);

    /// <summary>No element of the data's, no direction control or data line break in the text, each value whole in an isolated <c>bdi</c>.</summary>
    private static void AssertShownAsText<T>(IRenderedComponent<T> view, IEnumerable<string> values) where T : IComponent
    {
        HostileText.AssertNoInjectedElement(view.FindAll("*"));
        HostileText.AssertShownVisibly(string.Concat(view.Nodes.Select(n => n.TextContent)));
        var isolated = view.FindAll("bdi.data-text").Select(b => b.TextContent).ToHashSet();
        foreach (var value in values) Assert.Contains(Shown(value), isolated);
    }

    [Fact]
    public void The_audit_table_shows_hostile_actors_targets_changes_and_details_as_text()
    {
        var entries = All.Select((s, i) => new AuditEntry($"e{i}", DateTimeOffset.UtcNow, s, s, "creator.link", s, s, All[(i + 1) % All.Length], AuditOutcome.Failed, s, s))
            .ToList();

        var table = Render<AuditTable>(p => p.Add(c => c.Entries, entries));

        AssertShownAsText(table, All);
        Assert.All(table.FindAll("[data-testid='audit-entry'] td[title]"), td => HostileText.AssertShownVisibly(td.GetAttribute("title")!));
    }

    [Fact]
    public void The_migration_history_shows_hostile_run_ids_people_errors_and_settings_as_text_to_admins_and_viewers()
    {
        var runs = All.Select((s, i) => new MigrationRunRecord(s, RunKinds.Migrate, s, DateTimeOffset.UtcNow, null, RunOutcomes.Failed,
            new Dictionary<string, string> { [MigrationJob.JournalSetting] = s }, new Dictionary<string, long> { ["updated"] = i + 1 }, null, s)).ToList();

        AsAdmin();
        var admin = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, runs));

        AssertShownAsText(admin, All);
        Assert.Equal(All.Length, admin.FindAll("[data-testid='run-error'] bdi").Count);
    }

    [Fact]
    public void A_viewer_reads_hostile_stored_errors_in_plain_words_as_text()
    {
        var runs = All.Select((s, i) => new MigrationRunRecord($"r{i}", RunKinds.Migrate, "ada", DateTimeOffset.UtcNow, null, RunOutcomes.Failed,
            new Dictionary<string, string>(), new Dictionary<string, long>(), null, s)).ToList();

        AsViewer();
        var viewer = Render<MigrationHistoryTable>(p => p.Add(c => c.Runs, runs));

        AssertShownAsText(viewer, []);
        Assert.Equal(All.Length, viewer.FindAll("[data-testid='run-error'] bdi").Count);
    }

    [Fact]
    public async Task The_dry_run_and_verification_results_show_hostile_product_ids_and_values_as_text()
    {
        var samples = All.Select(s => new ProductDiff(s, [new AttributeChange(s, s, s)])).ToList();
        var dryRun = new DryRunReport(false, 8, 8, 0, 8, 0, 0, samples, 8, 0.00001m);
        var verification = new VerificationReport(HostileText.BidiOverride, 1, 8, 0,
            All.ToDictionary(s => s, s => new ProblemCount(1, [s])), All.ToDictionary(s => s, _ => 1L));
        var run = runner.Start(MigrationDryRun.JobKind, "Dry run", _ => Task.CompletedTask);
        await run.Completion;

        var results = Render<MigrationResults>(p => p.Add(c => c.DryRun, dryRun).Add(c => c.Current, run));
        var report = Render<VerificationReportView>(p => p.Add(c => c.Report, verification).Add(c => c.At, DateTimeOffset.UtcNow));

        AssertShownAsText(results, All);
        Assert.Equal(All.Length, results.FindAll("[data-testid='dry-run-report'] tbody tr").Count);
        AssertShownAsText(report, [HostileText.BidiOverride, .. All]);
    }

    [Fact]
    public void A_verification_line_shows_hostile_slugs_and_product_ids_in_its_title_evidence_table_and_trouble_as_text()
    {
        AsAdmin();
        var line = new VerificationLine("Creators", $"Creator {HostileText.LineBreak} can work", CheckState.Red, All, ConsoleScreen.Creators)
        {
            Table = new EvidenceTable(["slug", "product"], All.Select(s => (IReadOnlyList<string>)[s, s]).ToList()),
            Trouble = new Trouble(TroubleKind.Other, HostileText.Isolate, HostileText.MetaRefresh, HostileText.OtherLineBreaks, HostileText.TerminalEscape)
                { Details = All },
        };

        var view = Render<VerificationLineView>(p => p.Add(c => c.Line, line));

        AssertShownAsText(view, [line.Title, .. All]);
        Assert.Equal(All.Length, view.FindAll("[data-testid='line-evidence'] bdi").Count);
    }

    [Fact]
    public async Task A_job_log_shows_hostile_lines_as_text_to_admins_and_viewers()
    {
        var run = runner.Start("test", HostileText.SvgOnload, job =>
        {
            foreach (var s in All) job.Error(s);
            return Task.CompletedTask;
        });
        await run.Completion;

        AsAdmin();
        var admin = Render<JobLog>(p => p.Add(c => c.Run, run));

        AssertShownAsText(admin, [HostileText.SvgOnload, .. All]);
        Assert.Equal(All.Length, admin.FindAll(".job-log > div > bdi").Count);
    }

    [Fact]
    public async Task A_job_log_read_by_a_viewer_shows_hostile_lines_as_text()
    {
        var run = runner.Start("test", "Hostile log", job =>
        {
            foreach (var s in All) job.Error(s);
            return Task.CompletedTask;
        });
        await run.Completion;

        AsViewer();
        var viewer = Render<JobLog>(p => p.Add(c => c.Run, run));

        AssertShownAsText(viewer, []);
        Assert.Equal(All.Length, viewer.FindAll(".job-log > div > bdi").Count);
    }
}
