namespace CreatorPlatform.Core.Jobs;

public enum JobState { Running, Succeeded, Failed, Cancelled }

public enum JobLogLevel { Info, Success, Warning, Error }

public sealed record JobLogEntry(DateTimeOffset At, JobLogLevel Level, string Message);

/// <summary>How far a run with a known amount of work is: <see cref="Done"/> of <see cref="Total"/> <see cref="Unit"/>.</summary>
public sealed record JobProgress(long Done, long Total, string Unit)
{
    public double Percent => Total <= 0 ? 0 : Math.Min(100, 100.0 * Done / Total);
}

/// <summary>
/// One run of a job, observable while it runs: a log, named counters and a state. It lives in the process that runs
/// it, so a reload or a second browser sees the same run; durable progress belongs to each job's own checkpoints.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "A run is kept as the kind's latest for the process's life; its token source has no timer and no wait handle to free.")]
public sealed class JobRun
{
    private readonly Lock gate = new();
    private readonly List<JobLogEntry> log = [];
    private readonly Dictionary<string, long> counters = [];
    private (string Counter, long Total, string Unit)? progress;
    private readonly CancellationTokenSource cancellation = new();
    private readonly TimeProvider time;

    internal JobRun(string kind, string title, string startedBy, TimeProvider time)
    {
        this.time = time;
        Kind = kind;
        Title = title;
        StartedBy = startedBy;
        StartedAt = time.GetUtcNow();
    }

    public string Id { get; } = Guid.NewGuid().ToString("N")[..12];
    public string Kind { get; }
    public string Title { get; }
    public string StartedBy { get; }
    /// <summary>Who started it, as checked and audited.</summary>
    public Security.Actor Actor { get; internal init; } = Security.Actor.Anonymous;
    public DateTimeOffset StartedAt { get; }
    public DateTimeOffset? EndedAt { get; private set; }
    public JobState State { get; private set; } = JobState.Running;
    public string? Error { get; private set; }
    /// <summary>The exception that ended a failed run, when one did: a caller that reports failures its own way reads it.</summary>
    public Exception? Cause { get; private set; }
    public Task Completion { get; internal set; } = Task.CompletedTask;
    public bool CancelRequested => cancellation.IsCancellationRequested;
    internal CancellationToken Token => leased?.Token ?? cancellation.Token;
    /// <summary>True when another worker took this run's lease over, which cancels its work.</summary>
    internal bool LeaseLost { get; private set; }
    private CancellationTokenSource? leased;

    /// <summary>Why the lease was lost (taken over, or no renewal succeeded in time), once it was.</summary>
    internal string? LeaseLostReason => held?.LostReason;
    private LeaseHandle? held;

    /// <summary>Fires when the lease is lost: writes in flight are abandoned then, so that two workers never write at once.</summary>
    internal CancellationToken Fence => held?.Lost ?? CancellationToken.None;

    /// <summary>The run whose lease this one took over (its process died, or its lease expired), if it did.</summary>
    internal LeaseInfo? TookOverFrom => held?.TookOverFrom;

    /// <summary>From now on the work's token also fires when the lease is lost.</summary>
    internal void LinkLease(LeaseHandle lease)
    {
        held = lease;
        lease.Lost.Register(() => LeaseLost = true);
        leased = CancellationTokenSource.CreateLinkedTokenSource(cancellation.Token, lease.Lost);
    }

    /// <summary>
    /// Raised on every change, from the job's thread, as nobody: a subscriber (a page of any circuit, a viewer's too) never
    /// acts as the job's actor, and whatever it starts from here is refused unless its own circuit's activity sets an actor.
    /// Subscribers throttle their own redraws.
    /// </summary>
    public event Action? Changed;

    /// <summary>Calls <paramref name="onChanged"/> on every change (as <see cref="Changed"/>) until the returned subscription is disposed.</summary>
    public IDisposable Subscribe(Action onChanged)
    {
        Changed += onChanged;
        return new Subscription(this, onChanged);
    }

    private sealed class Subscription(JobRun run, Action onChanged) : IDisposable
    {
        private int disposed;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref disposed, 1) == 0) run.Changed -= onChanged;
        }
    }

    private void RaiseChanged()
    {
        if (Changed is not { } changed) return;
        var actor = Security.AmbientActor.Swap(null);
        try { changed(); }
        finally { Security.AmbientActor.Swap(actor); }
    }

    public IReadOnlyList<JobLogEntry> Log { get { lock (gate) return log.ToList(); } }
    public IReadOnlyDictionary<string, long> Counters { get { lock (gate) return new Dictionary<string, long>(counters); } }
    public long Counter(string name) { lock (gate) return counters.GetValueOrDefault(name); }
    public TimeSpan Elapsed => (EndedAt ?? time.GetUtcNow()) - StartedAt;

    /// <summary>Null until the job declares its amount of work (<see cref="JobContext.Track"/>).</summary>
    public JobProgress? Progress
    {
        get { lock (gate) return progress is { } p ? new(counters.GetValueOrDefault(p.Counter), p.Total, p.Unit) : null; }
    }

    internal void Track(string counter, long total, string unit)
    {
        lock (gate) progress = (counter, total, unit);
        Changed?.Invoke();
    }

    /// <summary>Who asked it to stop (a cancel or the migration's pause), once someone did.</summary>
    public Security.Actor? CancelledBy { get; private set; }

    /// <summary>Only the runner cancels, after it checked and audited who asks (<see cref="JobRunner.CancelAsync"/>).</summary>
    internal void Cancel(Security.Actor? by = null)
    {
        lock (gate) CancelledBy ??= by;
        cancellation.Cancel();
    }

    internal void Append(JobLogLevel level, string message)
    {
        lock (gate) log.Add(new JobLogEntry(time.GetUtcNow(), level, message));
        RaiseChanged();
    }

    internal void Count(string name, long delta, bool set)
    {
        lock (gate) counters[name] = set ? delta : counters.GetValueOrDefault(name) + delta;
        RaiseChanged();
    }

    internal void End(JobState state, string? error, Exception? cause = null)
    {
        lock (gate)
        {
            State = state;
            Error = error;
            Cause = cause;
            EndedAt = time.GetUtcNow();
        }
        RaiseChanged();
    }
}

/// <summary>What a job's code sees of its run.</summary>
public sealed class JobContext(JobRun run)
{
    public CancellationToken CancellationToken => run.Token;
    public string RunId => run.Id;
    public string StartedBy => run.StartedBy;
    public Security.Actor Actor => run.Actor;
    /// <summary>True when the run's work was cancelled because its lease was lost (taken over, or not renewed in time).</summary>
    public bool LeaseLost => run.LeaseLost;
    /// <summary>
    /// Fires only when the run's lease is lost, never on pause or cancel: writes already sent are seen to the end on a
    /// pause, but abandoned when another worker may take over.
    /// </summary>
    public CancellationToken Fence => run.Fence;
    /// <summary>The run whose lease this one took over from a dead or expired holder: its record is this run's to close.</summary>
    public LeaseInfo? TookOverFrom => run.TookOverFrom;
    public void Info(string message) => run.Append(JobLogLevel.Info, message);
    public void Success(string message) => run.Append(JobLogLevel.Success, message);
    public void Warning(string message) => run.Append(JobLogLevel.Warning, message);
    public void Error(string message) => run.Append(JobLogLevel.Error, message);
    public void Add(string counter, long delta = 1) => run.Count(counter, delta, set: false);
    public long Counter(string counter) => run.Counter(counter);
    /// <summary>A copy of every counter, as the run's readers see them.</summary>
    public IReadOnlyDictionary<string, long> Counters => run.Counters;
    public void Set(string counter, long value) => run.Count(counter, value, set: true);
    /// <summary>The run's progress is <paramref name="counter"/> out of <paramref name="total"/>, in <paramref name="unit"/> (words an admin reads).</summary>
    public void Track(string counter, long total, string unit) => run.Track(counter, total, unit);
}

/// <summary>Thrown by a job to end red with a message the admin can act on.</summary>
public sealed class JobFailedException(string message) : Exception(message);

public sealed class JobAlreadyRunningException(JobRun running)
    : Exception($"{running.Title} is already running (started by {running.StartedBy} at {running.StartedAt:HH:mm:ss} UTC).")
{
    public JobRun Running { get; } = running;
}
