using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Jobs;

/// <summary>Runs a job's work under its kind's cross-process <see cref="JobLease"/>, as its <see cref="JobKindTraits"/> declare; the lease's loss cancels the work.</summary>
internal sealed class JobLeasing(JobLease lease)
{
    public async Task RunAsync(JobRun run, JobKindTraits traits, JobContext context, Func<JobContext, Task> work)
    {
        if (!traits.HoldsLease)
        {
            await work(context);
            return;
        }
        LeaseHandle held;
        try
        {
            held = await lease.AcquireAsync(traits.Lease, run.StartedBy, run.Id, run.Token, run.Kind);
        }
        catch (ResourceNotFoundException) when (traits.CreatesOpsTable)
        {
            // The job creates the ops table the lease lives in: before it exists there is nothing to coordinate on.
            await work(context);
            return;
        }
        await using (held)
        {
            run.LinkLease(held);
            await work(context);
        }
    }
}
