using CreatorPlatform.Tests.Shared;

// Two test classes at a time, each with its own console and emulators: most of a class's time is a process starting or
// a job running in another process, so two overlap well on two cores. xunit's conservative algorithm (the default)
// starts no more classes than that, in the order WaitsFirst gives.
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
[assembly: TestCollectionOrderer("EndToEnd.Infrastructure.WaitsFirst", "EndToEnd")]

namespace EndToEnd.Infrastructure
{
    /// <summary>
    /// The schema rollout test first: most of its minute and more is the emulator holding indexes in CREATING, while its
    /// page waits. The CLI crash test, whose resume is timed, starts beside it, so that the class it shares the cores
    /// with is waiting rather than driving Chromium; then the other classes, two at a time.
    /// </summary>
    public sealed class WaitsFirst : LongWaitsFirst
    {
        protected override IReadOnlyList<string> First { get; } = [typeof(SchemaRolloutTests).FullName!, typeof(CliCrashTests).FullName!];
    }
}
