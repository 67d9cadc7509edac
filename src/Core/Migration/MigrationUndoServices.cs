using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Migration;

/// <summary>The migration's journal and its undo.</summary>
public static class MigrationUndoServices
{
    public static IServiceCollection AddMigrationUndo(this IServiceCollection services) => services
        .AddSingleton<MigrationJournal>()
        .AddSingleton<UndoPage>()
        .AddSingleton<UndoProgressStore>()
        .AddSingleton<UndoCreatorRemoval>()
        .AddSingleton<MigrationUndoRecorder>()
        .AddSingleton<MigrationUndo>()
        // An undo never runs while a migration does, nor the other way round.
        .AddJobKind(new JobKindTraits(MigrationUndo.JobKind) { Lease = MigrationJob.LeaseName });
}
