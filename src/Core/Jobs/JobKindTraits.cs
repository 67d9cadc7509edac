using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// What <see cref="JobRunner"/> must know of a job kind beyond its name, declared by the feature that registers the kind
/// (<see cref="JobKindServiceCollectionExtensions.AddJobKind"/>). A kind declared nowhere holds a lease of its own name.
/// </summary>
public sealed record JobKindTraits(string Kind)
{
    /// <summary>
    /// The lease a run holds while it works; runs of kinds that name one lease never run at once, in this process or
    /// across processes (an undo of a migration holds the migration's). The kind's own name unless declared.
    /// </summary>
    public string Lease { get; init; } = Kind;

    /// <summary>False for kinds that many workers run at once on purpose (helpers joining a run that holds the lease).</summary>
    public bool HoldsLease { get; init; } = true;

    /// <summary>
    /// The kind creates the console's own table, where the audit log and the leases live: while it does not exist, the
    /// run's start entry is written once the job made the table, and the run holds no lease (there is nothing to hold it in).
    /// </summary>
    public bool CreatesOpsTable { get; init; }
}

public static class JobKindServiceCollectionExtensions
{
    public static IServiceCollection AddJobKind(this IServiceCollection services, JobKindTraits traits) => services.AddSingleton(traits);
}
