namespace CreatorPlatform.Core.Migration;

/// <summary>
/// An async gate whose width follows the service: halves when a write comes back throttled (after the SDK client's own
/// standard retries gave up, or at once for a transaction cancelled by throttling, which the SDK does not retry) and, after
/// as many clean writes as its width, grows by one, between 1 and the configured maximum. Until the first throttle it
/// doubles instead (a slow start, as TCP does): climbing by one from 8 to 64 took ~2,000 writes at low width.
/// </summary>
public sealed class AdaptiveConcurrency(int initial, int max)
{
    private readonly Lock gate = new();
    private readonly Queue<TaskCompletionSource> waiters = new();
    private int inFlight;
    private int successes;
    private bool throttledOnce;

    public int Limit { get; private set; } = Math.Clamp(initial, 1, max);
    public int Throttles { get; private set; }

    public async Task EnterAsync(CancellationToken ct)
    {
        TaskCompletionSource waiter;
        lock (gate)
        {
            if (inFlight < Limit) { inFlight++; return; }
            waiter = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            waiters.Enqueue(waiter);
        }
        await using var _ = ct.Register(() => waiter.TrySetCanceled(ct));
        await waiter.Task;
    }

    /// <summary>Frees a slot; <paramref name="throttled"/> tells how the call went.</summary>
    public void Exit(bool throttled)
    {
        lock (gate)
        {
            if (throttled)
            {
                Throttles++;
                throttledOnce = true;
                Limit = Math.Max(1, Limit / 2);
                successes = 0;
            }
            else if (++successes >= Limit && Limit < max)
            {
                Limit = throttledOnce ? Limit + 1 : Math.Min(max, Limit * 2);
                successes = 0;
            }
            inFlight--;
            // Hand the freed slots to waiters; a cancelled waiter leaves its slot for the next one.
            while (inFlight < Limit && waiters.TryDequeue(out var next))
                if (next.TrySetResult()) inFlight++;
        }
    }
}
