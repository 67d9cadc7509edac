using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Sandbox;

// The two index-delay emulators' tests wait out index builds (a minute and more, idle): they start first, each in a
// place of its own, and a third place keeps the two cores busy with the other collections meanwhile.
[assembly: CollectionBehavior(MaxParallelThreads = 3)]
[assembly: TestCollectionOrderer("CreatorPlatform.Core.Tests.Infrastructure.WaitsFirst", "Core.Tests")]

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// The two collections that wait out index builds, the longest of the others (the shared emulator's), then the long
/// ones that mostly wait (backoff, emulators starting and restarting), so that none of them is left to run last, alone.
/// </summary>
public sealed class WaitsFirst : CreatorPlatform.Tests.Shared.LongWaitsFirst
{
    protected override IReadOnlyList<string> First { get; } =
    [
        UndoIndexDelayEmulatorCollection.Name, IndexDelayEmulatorCollection.Name, EmulatorCollection.Name, ThrottlingEmulatorCollection.Name,
        typeof(SandboxSupervisionTests).FullName!, typeof(SharedEmulatorsTests).FullName!, typeof(SandboxResetLeaseTests).FullName!,
        SchemaEmulatorCollection.Name, typeof(SandboxRuntimeTests).FullName!,
    ];
}
