using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>The one progress estimate the page and the CLI's bar both show.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationProgressTests(EmulatorFixture emulators)
{
    [Fact]
    public void Progress_counts_what_earlier_runs_scanned_against_the_tables_item_count()
    {
        var run = new JobRun(MigrationJob.JobKind, "Migration", "tests", TimeProvider.System);
        var job = new JobContext(run);
        job.Set("table items", 1_000);
        job.Set("prior scanned", 400);
        job.Set("scanned", 100);
        job.Set("updated", 90);

        var progress = MigrationProgress.From(run, run.StartedAt.AddSeconds(10));

        Assert.Equal(500, progress.Done);
        Assert.Equal(50, progress.Percent);
        Assert.Equal(TimeSpan.FromSeconds(50), progress.Eta);
        Assert.StartsWith("scanned 500/~1,000 · updated 90 · skipped 0 · failed 0 · 10/s", progress.Describe());
    }

    [Fact]
    public async Task A_first_run_keeps_the_tables_item_count_and_nothing_scanned_before_as_its_baseline()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 30);

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

        Assert.Equal((30L, 0L), (run.Counter("table items"), run.Counter("prior scanned")));
        Assert.True(run.Counters.ContainsKey("prior scanned"));
        Assert.Equal(100, MigrationProgress.From(run, run.EndedAt!.Value).Percent);
    }
}
