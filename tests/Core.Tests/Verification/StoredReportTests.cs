using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using CreatorPlatform.Core.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Verification;

/// <summary>The verification report runs on request as an admin's job and is stored; reading it is one GetItem.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class StoredReportTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Before_any_run_there_is_no_report_and_reading_writes_nothing()
    {
        var recorder = new RequestRecorder();
        await using var services = await MigrationWorld.CreateAsync(emulators, 10, handler: null);
        await using var watched = MigrationWorld.SecondWorker(emulators, Settings(services), recorder);

        var latest = await watched.GetRequiredService<VerificationReportService>().LatestAsync(CancellationToken.None);

        Assert.Null(latest);
        Assert.Equal(["GetItem"], recorder.Operations);
    }

    [Fact]
    public async Task A_verification_job_stores_its_report_and_the_page_reads_it_back_with_one_get_item()
    {
        var recorder = new RequestRecorder();
        await using var services = await MigrationWorld.CreateAsync(emulators, 10);
        var reports = services.GetRequiredService<VerificationReportService>();
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(VerificationReportService.JobKind, reports.RunJobAsync);
        await using var watched = MigrationWorld.SecondWorker(emulators, Settings(services), recorder);

        var latest = await watched.GetRequiredService<VerificationReportService>().LatestAsync(CancellationToken.None);

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.NotNull(latest);
        Assert.Equal(run.Id, latest.RunId);
        Assert.Equal(EmulatorFixture.TestAdmin.Name, latest.StartedBy);
        Assert.Contains(latest.Result.Lines, l => l.Section == "Tables" && l.State == CheckState.Green);
        Assert.Contains(latest.Result.Lines, l => l.Trouble is not null || l.Table is not null);
        Assert.Equal(["GetItem"], recorder.Operations);
    }

    [Fact]
    public async Task A_viewer_cannot_start_a_verification_run()
    {
        var viewer = new Actor("Vera Viewer", "oid-viewer", AdminRole.Viewer, "tests");
        await using var services = emulators.Services(overrides: s => s.AddSingleton<ICurrentActor>(new FixedActor(viewer)));
        var reports = services.GetRequiredService<VerificationReportService>();

        Assert.Throws<AdminAccessDeniedException>(() => services.GetRequiredService<JobRunner>().Start(VerificationReportService.JobKind, "Verification", reports.RunJobAsync));
    }

    private static IReadOnlyDictionary<string, string?> Settings(IServiceProvider services)
    {
        var o = services.GetRequiredService<Microsoft.Extensions.Options.IOptions<PlatformOptions>>().Value;
        return new Dictionary<string, string?>
        {
            ["Platform:Tables:Products"] = o.Tables.Products, ["Platform:Tables:Creators"] = o.Tables.Creators,
            ["Platform:Tables:AnalyticsEvents"] = o.Tables.AnalyticsEvents, ["Platform:Tables:AnalyticsSummaries"] = o.Tables.AnalyticsSummaries,
            ["Platform:Tables:Ops"] = o.Tables.Ops,
        };
    }
}
