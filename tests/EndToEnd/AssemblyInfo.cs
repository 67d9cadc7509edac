// Two test classes at a time, each with its own console and emulators: most of a class's time is a process starting or
// a job running in another process, so two overlap well on two cores. xunit's conservative algorithm (the default)
// starts no more classes than that; the CLI crash test, whose resume is timed, runs alone (see RunsAloneCollection).
[assembly: CollectionBehavior(MaxParallelThreads = 2)]
