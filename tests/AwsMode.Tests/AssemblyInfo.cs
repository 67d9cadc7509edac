// One moto_server and one platform per test class, and cold console processes: one class at a time on two cores.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
