using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Logging;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Walk;

/// <summary>
/// The walk on a schedule (<see cref="WalkOptions.Schedule"/>), as the console's own job: each interval is a slot claimed
/// in the ops table with a conditional put, so of several console instances one walks. A console that finds no facts,
/// or facts older than the interval, walks in the current slot at once; otherwise it waits for the next one.
/// </summary>
public sealed class WalkSchedule(JobRunner runner, PlatformWalk walk, PlatformFactsStore facts, Creators.CreatorDirectory directory, IAmazonDynamoDB dynamoDb,
    PlatformSchema schema,
    TimeProvider time, ILogger<WalkSchedule> logger)
{
    public static readonly Actor ConsoleActor = new("Admin console (schedule)", "console:walk-schedule", AdminRole.Admin, "schedule");

    public TimeSpan Interval => walk.Settings.Schedule;

    /// <summary>How long after start the first look is taken: the sandbox's emulators start with the console.</summary>
    public static readonly TimeSpan StartDelay = TimeSpan.FromSeconds(30);

    public async Task RunAsync(CancellationToken ct)
    {
        if (Interval <= TimeSpan.Zero) return;
        await Task.Delay(StartDelay, time, ct);
        if (await StaleAsync(ct)) await TickAsync(ct);
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            await Task.Delay(SlotStart(now) + Interval - now, time, ct);
            await TickAsync(ct);
        }
    }

    private async Task<bool> StaleAsync(CancellationToken ct)
    {
        try
        {
            return await facts.LatestAsync(ct) is not { } newest || time.GetUtcNow() - newest.FinishedAt > Interval;
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogWarning("The platform walk's facts could not be read ({Message}); the next walk is at the next slot.", e.Message);
            return false;
        }
    }

    /// <summary>Walks in this slot unless another instance claimed it; null when it did not walk.</summary>
    public async Task<JobRun?> TickAsync(CancellationToken ct)
    {
        try
        {
            // Before the rollout (no creators, or no CreatorsTable) there is nothing to walk: no job, no failed entry.
            if ((await directory.ListPageAsync(null, null, 1, ct)).Creators.Count == 0)
            {
                logger.LogInformation("Scheduled walk skipped: there are no creators yet.");
                return null;
            }
            if (!await ClaimAsync(SlotStart(time.GetUtcNow()), ct)) return null;
            var run = runner.StartAs(ConsoleActor, PlatformWalk.JobKind, PlatformWalk.Title + " (schedule)", walk.RunAsync);
            await run.Completion.WaitAsync(ct);
            return run;
        }
        catch (ResourceNotFoundException)
        {
            logger.LogInformation("Scheduled walk skipped: {Table} or {Creators} does not exist yet.", schema.Ops.Name, schema.Creators.Name);
        }
        catch (JobAlreadyRunningException e)
        {
            logger.LogInformation("Scheduled walk skipped: {Reason}", e.Message);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            logger.LogError(e, "The scheduled walk could not start");
        }
        return null;
    }

    private DateTimeOffset SlotStart(DateTimeOffset now) =>
        DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() / (long)Interval.TotalMilliseconds * (long)Interval.TotalMilliseconds);

    private async Task<bool> ClaimAsync(DateTimeOffset slot, CancellationToken ct)
    {
        var item = OpsKeys.Key(OpsKeys.WalkSchedule, $"slot#{slot.UtcDateTime:o}");
        item["claimedAt"] = S(time.GetUtcNow().UtcDateTime.ToString("o"));
        item["host"] = S(Environment.MachineName);
        item[OpsKeys.ExpiresAt] = N(slot.AddDays(2).ToUnixTimeSeconds());
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = item, ConditionExpression = "attribute_not_exists(pk)" }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }
}
