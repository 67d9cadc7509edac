// Each test class runs its own console and emulators; one at a time keeps two cores from starving them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
