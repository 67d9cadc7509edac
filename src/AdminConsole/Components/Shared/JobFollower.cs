using CreatorPlatform.Core.Jobs;

namespace AdminConsole.Components.Shared;

/// <summary>
/// How a component follows job runs, the one way every page does: one run at a time, subscribed through
/// <see cref="JobRun.Subscribe"/>; a redraw on the component's renderer at most every <see cref="Every"/> while the run
/// goes on and once at its end; a failure of the redraw handed to the component's error boundary; and no more calls
/// once the component follows another run or is disposed.
/// </summary>
/// <param name="invoke">The component's <c>InvokeAsync</c>: job events come from the job's thread.</param>
/// <param name="dispatch">The component's <c>DispatchExceptionAsync</c>.</param>
/// <param name="redraw">What the component does with a change; its second argument says whether the run has ended.</param>
public sealed class JobFollower(TimeProvider time, Func<Func<Task>, Task> invoke, Func<Exception, Task> dispatch, Func<JobRun, bool, Task> redraw) : IDisposable
{
    public static readonly TimeSpan Every = TimeSpan.FromMilliseconds(250);
    private readonly Lock gate = new();
    private JobRun? run;
    private IDisposable? subscription;
    private long lastDraw;
    private ITimer? trailing;
    private bool disposed;

    /// <summary>The run followed now, if any.</summary>
    public JobRun? Run => run;

    /// <summary>Follows <paramref name="next"/> (null: nothing) instead of the run followed so far; the same run again changes nothing.</summary>
    public void Follow(JobRun? next)
    {
        lock (gate)
        {
            if (disposed || ReferenceEquals(run, next)) return;
            subscription?.Dispose();
            run = next;
            subscription = next?.Subscribe(() => OnChanged(next));
        }
    }

    private void OnChanged(JobRun changed)
    {
        var now = time.GetTimestamp();
        var ended = changed.State != JobState.Running;
        lock (gate)
        {
            if (disposed || !ReferenceEquals(run, changed)) return;
            var since = lastDraw == 0 ? Every : time.GetElapsedTime(lastDraw, now);
            if (!ended && since < Every)
            {
                // The last change of a burst is drawn too, at the end of its window: a job that then waits shows where it is.
                trailing ??= time.CreateTimer(_ => DrawTrailing(changed), null, Every - since, Timeout.InfiniteTimeSpan);
                return;
            }
            lastDraw = now;
        }
        _ = invoke(async () =>
        {
            try { await redraw(changed, ended); }
            catch (Exception e) { await dispatch(e); }
        });
    }

    private void DrawTrailing(JobRun changed)
    {
        lock (gate)
        {
            trailing?.Dispose();
            trailing = null;
        }
        OnChanged(changed);
    }

    public void Dispose()
    {
        lock (gate)
        {
            disposed = true;
            trailing?.Dispose();
            trailing = null;
            subscription?.Dispose();
            subscription = null;
            run = null;
        }
    }
}
