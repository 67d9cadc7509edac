using CreatorPlatform.Core.Tests.Infrastructure;

// The two index-delay emulators' tests wait out index builds (a minute and more, idle): they start first, each in a
// place of its own, and a third place keeps the two cores busy with the other collections meanwhile.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: TestCollectionOrderer("CreatorPlatform.Core.Tests.Infrastructure.WaitsFirst", "Core.Tests")]

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>The two collections that wait out index builds, then the longest of the others, the shared emulators' one.</summary>
public sealed class WaitsFirst : CreatorPlatform.Tests.Shared.LongWaitsFirst
{
    protected override IReadOnlyList<string> First { get; } = [UndoIndexDelayEmulatorCollection.Name, IndexDelayEmulatorCollection.Name, EmulatorCollection.Name];
}
