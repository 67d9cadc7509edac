using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>Which run a plain undo picks: the newest that changed products, not a re-run that changed nothing; against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class MigrationUndoTargetTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task After_a_rerun_that_changed_nothing_a_plain_undo_puts_back_what_the_earlier_run_changed()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 25);
        var first = await UndoWorld.MigrateAsync(services);
        var rerun = await UndoWorld.MigrateAsync(services);
        Assert.Equal((JobState.Succeeded, 0), (rerun.State, rerun.Counter("updated")));

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Equal(25, undo.Counter("undone"));
        Assert.Contains($"changed nothing: undoing {first.Id}", undo.Text());
    }

    [Fact]
    public async Task Undoing_a_run_that_changed_nothing_says_so()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 0);
        var empty = await UndoWorld.MigrateAsync(services);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Contains($"Run {empty.Id} changed nothing", undo.Text());
    }
}
