using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Json;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// Runs long operations in the background, one of each kind at a time, with a log, counters and cancellation.
/// The schema rollout, the migration and the analytics rebuild all run through it: only an admin may start, pause or
/// cancel one, and each start, pause request and end is an audit entry (<c>{kind}.started</c>, <c>{kind}.{outcome}</c>).
/// One of a kind at a time holds across processes too: each run holds the kind's <see cref="JobLease"/> while it works.
/// </summary>
public sealed class JobRunner(ILogger<JobRunner> logger, TimeProvider time, AuditLog? audit = null, JobLease? lease = null)
{
    /// <summary>Kinds that many workers run at once on purpose (helpers joining a run that holds the lease): no lease of their own.</summary>
    public static readonly IReadOnlySet<string> SharedKinds = new HashSet<string> { Migration.MigrationJob.JoinKind };

    /// <summary>Kinds that hold another kind's lease: undo of a migration never runs while a migration does, nor the other way round.</summary>
    public static readonly IReadOnlyDictionary<string, string> SharedLeases = new Dictionary<string, string>
    {
        [Migration.MigrationUndo.JobKind] = Migration.MigrationJob.LeaseName,
    };

    public static string LeaseName(string kind) => SharedLeases.GetValueOrDefault(kind, kind);

    private readonly ConcurrentDictionary<string, JobRun> latest = new();
    private readonly Lock gate = new();

    /// <summary>Starts <paramref name="work"/> as the current actor; refuses anyone but an admin, and while a run of the same kind is going.</summary>
    public JobRun Start(string kind, string title, Func<JobContext, Task> work)
    {
        var actor = audit?.DemandAdmin($"{title} ({kind})") ?? Actor.Anonymous;
        return Start(kind, title, actor.Name, actor, work);
    }

    /// <summary>
    /// For component tests and the benchmark harness, which run jobs without an audit log: <paramref name="startedBy"/>
    /// is then the label shown. With an audit log (every real host) the current actor is who is checked, shown and audited.
    /// </summary>
    internal JobRun Start(string kind, string title, string startedBy, Func<JobContext, Task> work)
    {
        if (audit is null) return Start(kind, title, startedBy, Actor.Anonymous, work);
        return Start(kind, title, work);
    }

    /// <summary>
    /// Starts work the console does on its own (the scheduled rebuild) as <paramref name="console"/>, audited like any job;
    /// never for a person's request, whose actor is checked by <see cref="Start(string, string, Func{JobContext, Task})"/>.
    /// </summary>
    public JobRun StartAs(Actor console, string kind, string title, Func<JobContext, Task> work) => Start(kind, title, console.Name, console, work);

    /// <summary>The newest run of a kind, running or ended, or null.</summary>
    public JobRun? Latest(string kind) => latest.GetValueOrDefault(kind);

    /// <summary>Asks a run to stop at its next checkpoint (the migration's pause); an admin's action, audited before it takes effect.</summary>
    public Task PauseAsync(JobRun run, CancellationToken ct) => RequestStopAsync(run, AuditActions.JobPauseRequested(run.Kind), $"Pause {run.Title}", ct);

    /// <summary>
    /// Cancels a run (the job log's Cancel, the CLI's Ctrl-C): admins only. The request is audited before it takes effect,
    /// a refused one too, and the run's end names who asked. A request whose entry cannot be written still stops the run
    /// and says so in its log.
    /// </summary>
    public Task CancelAsync(JobRun run, CancellationToken ct) => RequestStopAsync(run, AuditActions.JobCancelRequested(run.Kind), $"Cancel {run.Title}", ct);

    private async Task RequestStopAsync(JobRun run, string action, string what, CancellationToken ct)
    {
        if (audit is null)
        {
            run.Cancel();
            return;
        }
        Actor actor;
        try
        {
            actor = audit.DemandAdmin(what);
        }
        catch (AdminAccessDeniedException refused)
        {
            var entry = audit.Entry(refused.Actor, action, run.Title, outcome: AuditOutcome.Failed, detail: refused.Message, jobId: run.Id);
            try { await audit.WriteAsync(entry, CancellationToken.None); }
            catch (AuditWriteException) { }
            throw;
        }
        try
        {
            await audit.WriteAsync(audit.Entry(actor, action, run.Title, jobId: run.Id), ct);
        }
        catch (AuditWriteException e)
        {
            // Stopping is the safe side: the job still stops, and its log (and its end entry) says what was not recorded.
            run.Append(JobLogLevel.Error, $"✗ Audit log: {e.Message}");
        }
        logger.LogInformation("Job {Kind} {JobId}: {Action} by {ActorName} ({ActorId})", run.Kind, run.Id, action, actor.Name, actor.Id);
        run.Append(JobLogLevel.Warning, $"{what} requested by {actor.Name}.");
        run.Cancel(actor);
    }

    private JobRun Start(string kind, string title, string startedBy, Actor actor, Func<JobContext, Task> work)
    {
        JobRun run;
        lock (gate)
        {
            if (latest.Values.FirstOrDefault(r => r.State == JobState.Running && LeaseName(r.Kind) == LeaseName(kind)) is { } current)
                throw new JobAlreadyRunningException(current);
            run = new JobRun(kind, title, startedBy, time) { Actor = actor };
            latest[kind] = run;
        }
        run.Completion = Task.Run(() => ExecuteAsync(run, work));
        return run;
    }

    private async Task ExecuteAsync(JobRun run, Func<JobContext, Task> work)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["JobId"] = run.Id, ["JobKind"] = run.Kind, ["ActorId"] = run.Actor.Id, ["ActorName"] = run.Actor.Name,
        });
        using var activity = JobTelemetry.Source.StartActivity($"job {run.Kind}");
        activity?.SetTag("job.id", run.Id);
        activity?.SetTag("job.kind", run.Kind);
        logger.LogInformation("Job {Kind} {JobId} started by {StartedBy}", run.Kind, run.Id, run.StartedBy);
        var context = new JobContext(run);
        var started = audit?.Entry(run.Actor, AuditActions.JobStarted(run.Kind), run.Title, outcome: AuditOutcome.Started, jobId: run.Id);
        var deferred = false;
        try
        {
            if (started is not null) await audit!.WriteAsync(started, CancellationToken.None);
        }
        catch (AuditWriteException e) when (e.InnerException is Amazon.DynamoDBv2.Model.ResourceNotFoundException && run.Kind == Schema.SchemaApplier.JobKind)
        {
            // The schema job creates the ops table itself: its start is written once the table exists.
            deferred = true;
        }
        catch (AuditWriteException e)
        {
            context.Error($"✗ Audit log: {e.Message}");
            run.End(JobState.Failed, "The start could not be written to the audit log, so the job did not run.");
            return;
        }
        try
        {
            await RunLeasedAsync(run, context, work);
            run.End(JobState.Succeeded, null);
        }
        catch (OperationCanceledException) when (run.LeaseLost && !run.CancelRequested)
        {
            var message = $"Another worker took the {run.Kind} lease over (this one missed its heartbeats). What was done is kept; run it again to finish.";
            context.Error(message);
            run.End(JobState.Failed, message);
        }
        catch (LeaseHeldException e)
        {
            context.Error(e.Message);
            run.End(JobState.Failed, e.Message);
        }
        catch (OperationCanceledException) when (run.CancelRequested)
        {
            context.Warning("Cancelled. Running it again continues from where it stopped.");
            run.End(JobState.Cancelled, $"Cancelled by {run.CancelledBy?.Name ?? "an admin"}.");
        }
        catch (JobFailedException e)
        {
            context.Error(e.Message);
            run.End(JobState.Failed, e.Message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Kind} {JobId} failed", run.Kind, run.Id);
            context.Error($"Stopped by an error: {e.Message}");
            run.End(JobState.Failed, e.Message);
        }
        if (deferred && !await WriteOrReportAsync(started!, context)) audit!.Defer(started!);
        var outcome = run.State switch { JobState.Succeeded => AuditOutcome.Succeeded, JobState.Cancelled => AuditOutcome.Cancelled, _ => AuditOutcome.Failed };
        if (!await AuditAsync(run, context, AuditActions.JobEnded(run.Kind, outcome), outcome))
            run.End(JobState.Failed, $"The job ended {outcome}, but its audit entry could not be written yet: it is kept and written when the console's table answers again (see the log).");
        activity?.SetTag("job.outcome", outcome);
        JobTelemetry.Ended(run, outcome);
        logger.LogInformation("Job {Kind} {JobId} ended {State}", run.Kind, run.Id, run.State);
    }

    /// <summary>Runs the work under the kind's cross-process lease; its loss cancels the work.</summary>
    private async Task RunLeasedAsync(JobRun run, JobContext context, Func<JobContext, Task> work)
    {
        if (lease is null || SharedKinds.Contains(run.Kind))
        {
            await work(context);
            return;
        }
        LeaseHandle held;
        try
        {
            held = await lease.AcquireAsync(LeaseName(run.Kind), run.StartedBy, run.Id, run.Token);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) when (run.Kind == Schema.SchemaApplier.JobKind)
        {
            // The schema job creates the ops table the lease lives in: before it exists there is nothing to coordinate on.
            await work(context);
            return;
        }
        await using (held)
        {
            run.LinkLease(held.Lost);
            await work(context);
        }
    }

    /// <summary>False (and an error in the job's log) when the entry could not be written.</summary>
    private async Task<bool> AuditAsync(JobRun run, JobContext context, string action, string outcome)
    {
        if (audit is null) return true;
        var after = JsonSerializer.Serialize(run.Counters);
        var entry = audit.Entry(run.Actor, action, run.Title, after: after, outcome: outcome, detail: run.Error, jobId: run.Id);
        if (await WriteOrReportAsync(entry, context)) return true;
        // Without its end, the log would show this job as started forever.
        audit.Defer(entry);
        context.Warning($"The end ({outcome}) is kept and written to the audit log when the console's table answers again: on the next audit write, or within {AuditLog.FlushAttempts * AuditLog.FlushInterval.TotalMinutes:N0} minutes.");
        return false;
    }

    private async Task<bool> WriteOrReportAsync(AuditEntry entry, JobContext context)
    {
        try
        {
            await audit!.WriteAsync(entry, CancellationToken.None);
            return true;
        }
        catch (AuditWriteException e)
        {
            context.Error($"✗ Audit log: {e.Message}");
            return false;
        }
    }
}

/// <summary>Traces and metrics of jobs, for OpenTelemetry (the exporter is wired by the web app when configured).</summary>
public static class JobTelemetry
{
    public const string Name = "CreatorPlatform.Jobs";
    public static readonly ActivitySource Source = new(Name);
    private static readonly System.Diagnostics.Metrics.Meter Meter = new(Name);
    private static readonly System.Diagnostics.Metrics.Counter<long> Runs = Meter.CreateCounter<long>("jobs.runs", description: "Jobs ended, by kind and outcome");
    private static readonly System.Diagnostics.Metrics.Histogram<double> Duration = Meter.CreateHistogram<double>("jobs.duration", "s");

    internal static void Ended(JobRun run, string outcome)
    {
        var tags = new TagList { { "job.kind", run.Kind }, { "job.outcome", outcome } };
        Runs.Add(1, tags);
        Duration.Record(run.Elapsed.TotalSeconds, tags);
    }
}
