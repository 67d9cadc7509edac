using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// A held lease, renewed by a <see cref="Heartbeat"/> until disposed. <see cref="Lost"/> fires when another worker took
/// it, or when no renewal succeeded for long enough that it could expire: before anyone else may take it over.
/// </summary>
public sealed class LeaseHandle : IAsyncDisposable
{
    private readonly JobLease lease;
    private readonly string name;
    private readonly ILogger logger;
    private readonly Heartbeat heartbeat;

    internal LeaseHandle(JobLease lease, string name, TimeSpan lifetime, DateTimeOffset acquiredAt, TimeProvider time, ILogger logger)
    {
        this.lease = lease;
        this.name = name;
        this.logger = logger;
        heartbeat = new Heartbeat($"{name} lease", ct => lease.RenewAsync(name, ct), lifetime, acquiredAt, time, logger);
    }

    public CancellationToken Lost => heartbeat.Lost;

    /// <summary>The run that held the lease before, when this one took it over from a dead or expired holder.</summary>
    public LeaseInfo? TookOverFrom { get; init; }

    /// <summary>Why the lease was lost, once it was.</summary>
    public string? LostReason => heartbeat.LostReason;

    /// <summary>Stops the heartbeat and releases the lease if it is still ours; never throws (an unreleased lease expires).</summary>
    public async ValueTask DisposeAsync()
    {
        var wasLost = heartbeat.Lost.IsCancellationRequested;
        await heartbeat.DisposeAsync();
        if (wasLost) return; // taken over, or fenced: another worker may hold it already
        try
        {
            await lease.ReleaseAsync(name);
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The {Lease} lease could not be released; it expires by itself", name);
        }
    }
}
