using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Jobs;

/// <summary>Runs a job's work under its kind's cross-process <see cref="JobLease"/>, as its <see cref="JobKindTraits"/> declare; the lease's loss cancels the work.</summary>
internal sealed class JobLeasing(JobLease lease)
{
    /// <param name="closeDead">Called when the lease was taken over from a run whose process is gone: that run's end is this one's to record.</param>
    public async Task RunAsync(JobRun run, JobKindTraits traits, JobContext context, Func<JobContext, Task> work, Func<LeaseInfo, Task> closeDead)
    {
        if (!traits.HoldsLease)
        {
            await work(context);
            return;
        }
        LeaseHandle held;
        try
        {
            // Not cancelled midway: a lease that lands as a Cancel arrives would be held, until it expires, by a run that never
            // learned it holds it. Taken, a cancelled run lets go of it below before any work.
            held = await lease.AcquireAsync(traits.Lease, run.StartedBy, run.Id, CancellationToken.None, run.Kind);
        }
        catch (ResourceNotFoundException) when (traits.CreatesOpsTable)
        {
            // The job creates the ops table the lease lives in: before it exists there is nothing to coordinate on.
            await work(context);
            return;
        }
        await using (held)
        {
            run.Token.ThrowIfCancellationRequested();
            run.LinkLease(held);
            if (held.TookOverFrom is { } dead && dead.Process?.IsGoneFromThisHost() == true) await closeDead(dead);
            await work(context);
        }
    }
}
