namespace EndToEnd.Infrastructure;

/// <summary>Tests that time what they check, so that no other class's console competes with them for the cores.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class RunsAloneCollection
{
    public const string Name = "runs alone";
}
