using System.Collections.Concurrent;
using System.Threading.RateLimiting;
using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>One page's outcomes, counted by its concurrent writes.</summary>
public sealed class PageTally
{
    private long updated, skipped, failed;
    public long Updated => Interlocked.Read(ref updated);
    public long Skipped => Interlocked.Read(ref skipped);
    public long Failed => Interlocked.Read(ref failed);

    /// <summary>Counts <paramref name="n"/> outcomes of one kind (<see cref="BackfillCounters"/>: updated, skipped or failed).</summary>
    public void Add(string counter, long n = 1) => _ = counter switch
    {
        BackfillCounters.Updated => Interlocked.Add(ref updated, n),
        BackfillCounters.Skipped => Interlocked.Add(ref skipped, n),
        _ => Interlocked.Add(ref failed, n),
    };
}

/// <summary>
/// What one worker's run of the backfill shares between its lanes and writes: the gate, the limiter, the failures. Its
/// counts are its job's counters, the one tally every reader of the run sees (and its job stores as it goes).
/// </summary>
public sealed record BackfillRun(JobContext Job, BackfillPlan Plan, string CreatorId, AdaptiveConcurrency Gate, RateLimiter? RateLimiter)
{
    public ConcurrentQueue<ProductFailure> Failures { get; } = new();
    /// <summary>Fires when this worker may no longer write: its lease is lost, or (a joined worker) the run it helps stopped.</summary>
    public CancellationToken Fence { get; init; }
    /// <summary>Segments this worker's lanes are working on, so that two lanes never claim the same one.</summary>
    public ConcurrentDictionary<int, byte> Active { get; } = new();
    public void Count(int segment, string counter, long n = 1)
    {
        if (n == 0) return;
        Job.Add(counter, n);
        Job.Add(BackfillCounters.OfSegment(segment, counter), n);
    }
}
