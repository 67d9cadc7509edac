using System.Threading.RateLimiting;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// Paces writes to at most <c>perSecond</c> a second on <see cref="TimeProvider"/>: each permit reserves the next slot,
/// 1/rate after the one before, and waits for it. Slots are reserved ahead from the last one rather than from when a
/// waiter woke, so late timers do not lower the rate, and at most <see cref="CatchUp"/> of lateness is made up, so an
/// idle limiter never saves up a burst. (A token bucket refilled every 100 ms in whole tokens turned 1/s into 10/s.)
/// </summary>
public sealed class WriteRateLimiter : RateLimiter
{
    /// <summary>How far behind the clock the next slot may be (a timer that fired late), and no further.</summary>
    public static readonly TimeSpan CatchUp = TimeSpan.FromMilliseconds(50);

    private readonly Lock gate = new();
    private readonly TimeProvider time;
    private readonly long origin;
    private readonly double secondsPerPermit;
    private double next;

    public WriteRateLimiter(int perSecond, TimeProvider time)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(perSecond, 1);
        this.time = time;
        origin = time.GetTimestamp();
        secondsPerPermit = 1.0 / perSecond;
    }

    /// <summary>Reserves the next slot for <paramref name="permits"/> and returns how long to wait for it (zero: at once).</summary>
    public TimeSpan Reserve(int permits)
    {
        lock (gate)
        {
            var now = Now;
            var slot = Math.Max(next, now - CatchUp.TotalSeconds);
            next = slot + permits * secondsPerPermit;
            return slot > now ? TimeSpan.FromSeconds(slot - now) : TimeSpan.Zero;
        }
    }

    public override TimeSpan? IdleDuration
    {
        get
        {
            lock (gate) return next <= Now ? TimeSpan.FromSeconds(Now - next) : null;
        }
    }

    public override RateLimiterStatistics? GetStatistics() => null;

    protected override RateLimitLease AttemptAcquireCore(int permitCount)
    {
        lock (gate)
        {
            if (permitCount > 0 && next > Now) return Lease.Refused;
            if (permitCount > 0) next = Math.Max(next, Now - CatchUp.TotalSeconds) + permitCount * secondsPerPermit;
            return Lease.Granted;
        }
    }

    protected override async ValueTask<RateLimitLease> AcquireAsyncCore(int permitCount, CancellationToken cancellationToken)
    {
        if (permitCount == 0) return Lease.Granted;
        var wait = Reserve(permitCount);
        if (wait > TimeSpan.Zero) await Task.Delay(wait, time, cancellationToken);
        return Lease.Granted;
    }

    private double Now => time.GetElapsedTime(origin).TotalSeconds;

    private sealed class Lease(bool acquired) : RateLimitLease
    {
        public static readonly Lease Granted = new(true), Refused = new(false);
        public override bool IsAcquired => acquired;
        public override IEnumerable<string> MetadataNames => [];
        public override bool TryGetMetadata(string metadataName, out object? metadata)
        {
            metadata = null;
            return false;
        }
    }
}
