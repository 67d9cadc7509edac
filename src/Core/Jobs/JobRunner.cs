using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Jobs;

/// <summary>
/// Runs long operations in the background, one of each kind at a time, with a log, counters and cancellation.
/// The schema rollout, the migration and the analytics rebuild all run through it.
/// </summary>
public sealed class JobRunner(ILogger<JobRunner> logger, TimeProvider time)
{
    private readonly ConcurrentDictionary<string, JobRun> latest = new();
    private readonly Lock gate = new();

    /// <summary>Starts <paramref name="work"/> in the background; refuses while a run of the same kind is going.</summary>
    public JobRun Start(string kind, string title, string startedBy, Func<JobContext, Task> work)
    {
        JobRun run;
        lock (gate)
        {
            if (latest.TryGetValue(kind, out var current) && current.State == JobState.Running)
                throw new JobAlreadyRunningException(current);
            run = new JobRun(kind, title, startedBy, time);
            latest[kind] = run;
        }
        run.Completion = Task.Run(() => ExecuteAsync(run, work));
        return run;
    }

    /// <summary>The newest run of a kind, running or ended, or null.</summary>
    public JobRun? Latest(string kind) => latest.GetValueOrDefault(kind);

    private async Task ExecuteAsync(JobRun run, Func<JobContext, Task> work)
    {
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["JobId"] = run.Id, ["JobKind"] = run.Kind });
        logger.LogInformation("Job {Kind} {JobId} started by {StartedBy}", run.Kind, run.Id, run.StartedBy);
        var context = new JobContext(run);
        try
        {
            await work(context);
            run.End(JobState.Succeeded, null);
        }
        catch (OperationCanceledException) when (run.CancelRequested)
        {
            context.Warning("Cancelled. Running it again continues from where it stopped.");
            run.End(JobState.Cancelled, "Cancelled by an admin.");
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
        logger.LogInformation("Job {Kind} {JobId} ended {State}", run.Kind, run.Id, run.State);
    }
}
