using System.Collections.Concurrent;
using System.Text.Json;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// Runs long operations in the background, one of each kind at a time, with a log, counters and cancellation.
/// The schema rollout, the migration and the analytics rebuild all run through it: only an admin may start, pause or
/// cancel one, and each start, pause request and end is an audit entry (<c>{kind}.started</c>, <c>{kind}.{outcome}</c>).
/// One of a kind at a time holds across processes too: each run holds the kind's <see cref="JobLease"/> while it works,
/// as the kind's <see cref="JobKindTraits"/> declare. Tests run jobs through it with a real audit log and lease too.
/// </summary>
public sealed class JobRunner(ILogger<JobRunner> logger, TimeProvider time, AuditLog audit, JobLease lease, IEnumerable<JobKindTraits> kinds,
    Schema.MissingTableAdvice missingTables, AwsContext aws)
{
    private readonly ConcurrentDictionary<string, JobRun> latest = new();
    private readonly Dictionary<string, JobKindTraits> traits = kinds.ToDictionary(k => k.Kind);
    private readonly JobLeasing leasing = new(lease);
    private readonly Lock gate = new();

    /// <summary>How the runner treats runs of <paramref name="kind"/>: as declared, or with a lease of its own name.</summary>
    public JobKindTraits Traits(string kind) => traits.GetValueOrDefault(kind) ?? new JobKindTraits(kind);

    /// <summary>Starts <paramref name="work"/> as the current actor; refuses anyone but an admin, and while a run of the same kind is going.</summary>
    public JobRun Start(string kind, string title, Func<JobContext, Task> work)
    {
        var actor = audit.DemandAdmin($"{title} ({kind})");
        return Start(kind, title, actor, work);
    }

    /// <summary>
    /// Starts work the console does on its own (the scheduled rebuild) as <paramref name="console"/>, audited like any job;
    /// never for a person's request, whose actor is checked by <see cref="Start(string, string, Func{JobContext, Task})"/>.
    /// </summary>
    public JobRun StartAs(Actor console, string kind, string title, Func<JobContext, Task> work) => Start(kind, title, console, work);

    /// <summary>The newest run of a kind, running or ended, or null.</summary>
    public JobRun? Latest(string kind) => latest.GetValueOrDefault(kind);

    /// <summary>Asks a run to stop at its next checkpoint (the migration's pause); an admin's action, audited before it takes effect.</summary>
    public Task PauseAsync(JobRun run, CancellationToken ct) => RequestStopAsync(run, AuditActions.JobPauseRequested(run.Kind), $"Pause {run.Title}", ct);

    /// <summary>
    /// Cancels a run (the job log's Cancel, the CLI's Ctrl-C): admins only. The request is audited before it takes effect,
    /// a refused one too, and the run's end names who asked. A request whose entry cannot be written still stops the run
    /// and says so in its log; one whose entry is not written within <see cref="StopAuditDeadline"/> stops it then, and
    /// the entry is kept to be written later.
    /// </summary>
    public Task CancelAsync(JobRun run, CancellationToken ct) => RequestStopAsync(run, AuditActions.JobCancelRequested(run.Kind), $"Cancel {run.Title}", ct);

    /// <summary>How long a pause or cancel waits for its audit entry to be written before it takes effect anyway.</summary>
    public static readonly TimeSpan StopAuditDeadline = TimeSpan.FromSeconds(5);

    private async Task RequestStopAsync(JobRun run, string action, string what, CancellationToken ct)
    {
        Actor actor;
        try
        {
            actor = audit.DemandAdmin(what);
        }
        catch (AdminAccessDeniedException refused)
        {
            var entry = audit.Entry(refused.Actor, action, run.Title, outcome: AuditOutcome.Failed, detail: refused.Message, jobId: run.Id);
            try { await audit.WriteAsync(entry, CancellationToken.None); }
            catch (AuditWriteException) { } // logged by WriteAsync with the entry; the refusal is what the caller reports
            throw;
        }
        var request = audit.Entry(actor, action, run.Title, jobId: run.Id);
        // A stop cannot wait for the SDK's retries on a stalled table (minutes): past the deadline the entry is kept and
        // written when the table answers, and the job stops at once.
        using var deadline = new CancellationTokenSource(StopAuditDeadline, time);
        using var either = CancellationTokenSource.CreateLinkedTokenSource(ct, deadline.Token);
        try
        {
            await audit.WriteAsync(request, either.Token);
        }
        catch (AuditWriteException e)
        {
            // Stopping is the safe side: the job still stops, and its log (and its end entry) says what was not recorded.
            run.Append(JobLogLevel.Error, $"✗ Audit log: {e.Message}");
        }
        catch (OperationCanceledException) when (deadline.IsCancellationRequested && !ct.IsCancellationRequested)
        {
            audit.Defer(request);
            logger.LogWarning("Job {Kind} {JobId}: the audit entry of {Action} did not get written within {Seconds} s; kept to write later",
                run.Kind, run.Id, action, StopAuditDeadline.TotalSeconds);
            run.Append(JobLogLevel.Warning, $"The audit log did not answer within {StopAuditDeadline.TotalSeconds:0} s: this request's entry is kept "
                + $"{audit.KeptWhere} and written when it answers.");
        }
        logger.LogInformation("Job {Kind} {JobId}: {Action} by {ActorName} ({ActorId})", run.Kind, run.Id, action, actor.Name, actor.Id);
        run.Append(JobLogLevel.Warning, $"{what} requested by {actor.Name}.");
        run.Cancel(actor);
    }

    private JobRun Start(string kind, string title, Actor actor, Func<JobContext, Task> work)
    {
        JobRun run;
        lock (gate)
        {
            if (latest.Values.FirstOrDefault(r => r.State == JobState.Running && Traits(r.Kind).Lease == Traits(kind).Lease) is { } current)
                throw new JobAlreadyRunningException(current);
            run = new JobRun(kind, title, actor.Name, time) { Actor = actor };
            latest[kind] = run;
        }
        // Nothing of the caller's flow goes with the job (its circuit's actor included): the job sets its own actor.
        using (ExecutionContext.SuppressFlow()) run.Completion = Task.Run(() => ExecuteAsync(run, work));
        return run;
    }

    private async Task ExecuteAsync(JobRun run, Func<JobContext, Task> work)
    {
        // The job's own checks (a creator it creates, a job it starts) are made as the actor who started it, and only there.
        AmbientActor.Set(run.Actor);
        using var scope = logger.BeginScope(new Dictionary<string, object>
        {
            ["JobId"] = run.Id, ["JobKind"] = run.Kind, ["ActorId"] = run.Actor.Id, ["ActorName"] = run.Actor.Name,
        });
        using var activity = JobTelemetry.Source.StartActivity($"job {run.Kind}");
        activity?.SetTag("job.id", run.Id);
        activity?.SetTag("job.kind", run.Kind);
        logger.LogInformation("Job {Kind} {JobId} started by {StartedBy}", run.Kind, run.Id, run.StartedBy);
        var context = new JobContext(run);
        var kind = Traits(run.Kind);
        var started = audit.Entry(run.Actor, AuditActions.JobStarted(run.Kind), run.Title, outcome: AuditOutcome.Started, jobId: run.Id);
        var deferred = false;
        try
        {
            await audit.WriteAsync(started, CancellationToken.None);
        }
        catch (AuditWriteException e) when (e.InnerException is Amazon.DynamoDBv2.Model.ResourceNotFoundException && kind.CreatesOpsTable)
        {
            // The job creates the ops table itself: its start is written once the table exists.
            deferred = true;
        }
        catch (AuditWriteException e)
        {
            context.Error($"✗ Audit log: {e.Message}");
            var notRun = "The start could not be written to the audit log, so the job did not run: nothing was changed.";
            // DynamoDB not answering is no reason to read the console's log: say where to look, as for any call that got no answer.
            if (aws.DynamoDbNoAnswer(e) is not null) context.Error($"{notRun} {aws.DynamoDbNoAnswerNextStep}");
            run.End(JobState.Failed, notRun, e.InnerException ?? e);
            return;
        }
        try
        {
            await leasing.RunAsync(run, kind, context, work, dead => CloseDeadAsync(run, context, dead));
            run.End(JobState.Succeeded, null);
        }
        catch (OperationCanceledException) when (run.LeaseLost && !run.CancelRequested)
        {
            var message = $"Lease lost: {run.LeaseLostReason ?? $"another worker took the {run.Kind} lease over"}. This run stopped writing before "
                + $"another could take over. Finished before it stopped: {Finished(run)}. What was done is kept; run it again to finish the rest.";
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
        catch (Exception e) when (e is Schema.TableMissingException or Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            // Before the schema is applied, or with a wrong name in Platform:Tables: say so and what to do, not the SDK's words.
            // Which table, and its fix: the console's own comes from `schema apply`, the platform's (in Mode=Aws) from the storage stack.
            var message = string.Join(" ", await missingTables.ExplainAsync(CancellationToken.None));
            context.Error(message);
            run.End(JobState.Failed, message);
        }
        catch (Exception e) when (AwsErrors.IsAccessDenied(e))
        {
            // A missing permission is no outage: name the action and where the console's permissions are written down.
            logger.LogWarning("Job {Kind} {JobId} was refused by AWS: {Error}", run.Kind, run.Id, e.Message);
            var message = $"{AwsErrors.Refusal(e)} {AwsErrors.PermissionAdvice}";
            context.Error(message);
            run.End(JobState.Failed, message);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Job {Kind} {JobId} failed", run.Kind, run.Id);
            context.Error($"Stopped by an error: {e.Message} Check that DynamoDB and Cognito answer, then run it again.");
            run.End(JobState.Failed, e.Message, e);
        }
        if (deferred && !await WriteOrReportAsync(started, context)) audit.Defer(started);
        var outcome = run.State switch { JobState.Succeeded => AuditOutcome.Succeeded, JobState.Cancelled => AuditOutcome.Cancelled, _ => AuditOutcome.Failed };
        if (!await AuditAsync(run, context, AuditActions.JobEnded(run.Kind, outcome), outcome))
            run.End(JobState.Failed,
                $"The job ended {outcome}, but its audit entry could not be written yet: it is kept {audit.KeptWhere} and written when the console's table answers again (see " +
                    $"the log).");
        activity?.SetTag("job.outcome", outcome);
        JobTelemetry.Ended(run, outcome);
        logger.LogInformation("Job {Kind} {JobId} ended {State}", run.Kind, run.Id, run.State);
    }

    /// <summary>
    /// The end of a run whose process died holding the lease (a crash, kill -9): written by the run that took the lease
    /// over, as "interrupted", naming itself as the one that finishes the work; so the audit log never shows it running for ever.
    /// </summary>
    private async Task CloseDeadAsync(JobRun run, JobContext context, LeaseInfo dead)
    {
        var kind = dead.Kind is { Length: > 0 } k ? k : dead.Name;
        var detail = $"Interrupted: its process ({dead.Process}) ended without closing it. Run {run.Id} took the lease over and finishes its work.";
        context.Warning($"Run {dead.RunId} ({kind}, started by {dead.Holder}) was interrupted: its process is gone. This run takes over its work.");
        var entry = audit.Entry(run.Actor, AuditActions.JobEnded(kind, AuditOutcome.Interrupted), kind, outcome: AuditOutcome.Interrupted, detail: detail, jobId: dead.RunId);
        if (!await WriteOrReportAsync(entry, context)) audit.Defer(entry);
    }

    /// <summary>A run's own counts (not its per-segment ones), as "updated 120, skipped 3".</summary>
    private static string Finished(JobRun run)
    {
        var counts = run.Counters.Where(c => !c.Key.Contains(' ', StringComparison.Ordinal) && c.Value > 0).Select(c => $"{c.Key} {c.Value:N0}").ToList();
        return counts.Count == 0 ? "nothing" : string.Join(", ", counts);
    }

    /// <summary>False (and an error in the job's log) when the entry could not be written.</summary>
    private async Task<bool> AuditAsync(JobRun run, JobContext context, string action, string outcome)
    {
        var after = JsonSerializer.Serialize(run.Counters);
        var entry = audit.Entry(run.Actor, action, run.Title, after: after, outcome: outcome, detail: run.Error, jobId: run.Id);
        if (await WriteOrReportAsync(entry, context)) return true;
        // Without its end, the log would show this job as started forever.
        audit.Defer(entry);
        context.Warning($"The end ({outcome}) is kept and written to the audit log when the console's table answers again: "
            + $"on the next audit write, or within {AuditLog.FlushAttempts * AuditLog.FlushInterval.TotalMinutes:N0} minutes"
            + (audit.KeepsOnDisk ? $"; it is kept {audit.KeptWhere}, so a process that ends first leaves it for the next start of the console or of a CLI verb." : "."));
        return false;
    }

    private async Task<bool> WriteOrReportAsync(AuditEntry entry, JobContext context)
    {
        try
        {
            await audit.WriteAsync(entry, CancellationToken.None);
            return true;
        }
        catch (AuditWriteException e)
        {
            context.Error($"✗ Audit log: {e.Message}");
            return false;
        }
    }
}
