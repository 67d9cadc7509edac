using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// Keeps a time-limited claim (a job's lease, a backfill segment's claim) alive with a renewal every third of its
/// lifetime, and fences its holder: any failed renewal (a timeout, a reset, a throttled or refused call, whatever the
/// SDK throws) is a missed beat and is logged; a renewal that does not answer within one interval counts as missed;
/// once no renewal has succeeded for long enough that the claim could expire, <see cref="Lost"/> fires, a margin
/// before anyone else may take the claim, so that the holder stops writing first. A renewal refused because another
/// holder has the claim fires <see cref="Lost"/> at once.
/// </summary>
public sealed class Heartbeat : IAsyncDisposable
{
    private readonly string what;
    private readonly Func<CancellationToken, Task<bool>> renew;
    private readonly TimeSpan lifetime;
    private readonly TimeSpan interval;
    private readonly TimeProvider time;
    private readonly ILogger logger;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly ITimer fence;
    private readonly Task beating;
    private DateTimeOffset fenceAt;
    private int missed;

    /// <param name="renewedAt">When the claim was last written (read from the clock before the write was sent).</param>
    public Heartbeat(string what, Func<CancellationToken, Task<bool>> renew, TimeSpan lifetime, DateTimeOffset renewedAt, TimeProvider time, ILogger logger)
    {
        this.what = what;
        this.renew = renew;
        this.lifetime = lifetime;
        interval = lifetime / 3;
        this.time = time;
        this.logger = logger;
        fence = time.CreateTimer(_ => Check(), null, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Renewed(renewedAt);
        beating = BeatAsync();
    }

    /// <summary>Fires when the holder must stop writing: its claim was taken, or could expire before another renewal.</summary>
    public CancellationToken Lost => lost.Token;

    /// <summary>Why <see cref="Lost"/> fired, for the job's end; null while the claim holds.</summary>
    public string? LostReason { get; private set; }

    /// <summary>Renewals that failed since the last one that succeeded.</summary>
    public int Missed => Volatile.Read(ref missed);

    /// <summary>A margin of half an interval: time for writes in flight to be abandoned and for clocks to disagree.</summary>
    private TimeSpan Margin => interval / 2;

    private void Renewed(DateTimeOffset sentAt)
    {
        lock (fence)
        {
            fenceAt = sentAt + lifetime - Margin;
            var wait = fenceAt - time.GetUtcNow();
            fence.Change(wait > TimeSpan.Zero ? wait : TimeSpan.Zero, Timeout.InfiniteTimeSpan);
        }
    }

    private void Check()
    {
        DateTimeOffset at;
        lock (fence) at = fenceAt;
        if (time.GetUtcNow() >= at && !stop.IsCancellationRequested)
            Lose($"no renewal of the {what} succeeded for {(lifetime - Margin).TotalSeconds:0.#} s ({Missed} missed), so it could have expired");
    }

    private void Lose(string reason)
    {
        if (lost.IsCancellationRequested) return;
        LostReason = reason;
        logger.LogError("Lost the {What}: {Reason}; its holder stops writing", what, reason);
        lost.Cancel();
    }

    private async Task BeatAsync()
    {
        while (!stop.IsCancellationRequested && !lost.IsCancellationRequested)
        {
            try { await Task.Delay(interval, time, stop.Token); }
            catch (OperationCanceledException) { return; }
            var sentAt = time.GetUtcNow();
            using var deadline = new CancellationTokenSource(interval, time);
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(stop.Token, lost.Token, deadline.Token);
            try
            {
                if (!await renew(bounded.Token))
                {
                    Lose($"another worker holds the {what} now");
                    return;
                }
                Interlocked.Exchange(ref missed, 0);
                Renewed(sentAt);
            }
            catch (Exception e) when (!stop.IsCancellationRequested)
            {
                var n = Interlocked.Increment(ref missed);
                logger.LogWarning("Missed heartbeat {Missed} of the {What}: {Error} ({Type})", n, what,
                    deadline.IsCancellationRequested ? $"no answer within {interval.TotalSeconds:0.#} s" : e.Message, e.GetType().Name);
            }
            catch (OperationCanceledException) { return; }
        }
    }

    /// <summary>Stops renewing; never throws.</summary>
    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        try { await beating; }
        catch (Exception e) { logger.LogWarning(e, "The {What}'s heartbeat ended with an error", what); }
        await fence.DisposeAsync();
        stop.Dispose();
        // lost stays usable: a run reads its token and reason after the end (it holds no timer, nothing to free).
    }
}
