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
        job.Set("scanned", 100);
        job.Set("updated", 90);

        var progress = MigrationProgress.From(run, new ProgressBaseline(1_000, 400), run.StartedAt.AddSeconds(10));

        Assert.Equal(500, progress.Done);
        Assert.Equal(50, progress.Percent);
        Assert.Equal(TimeSpan.FromSeconds(50), progress.Eta);
        Assert.StartsWith("scanned 500/~1,000 · updated 90 · skipped 0 · failed 0 · 10/s", progress.Describe());
    }

    [Fact]
    public async Task The_baseline_is_the_tables_item_count_and_nothing_scanned_before_a_first_run()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 30);

        var baseline = await services.GetRequiredService<MigrationProgressEstimator>().BaselineAsync(default);

        Assert.Equal(new ProgressBaseline(30, 0), baseline);
    }
}
