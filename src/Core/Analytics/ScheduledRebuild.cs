using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CreatorPlatform.Core.Analytics.AnalyticsOpsKeys;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// The scheduled rebuild of today and yesterday (UTC) for every creator, as a job on the runner under the rebuild's lease.
/// Each interval is a slot claimed in the ops table with a conditional put, so of several console instances exactly one
/// runs it, even when their timers are not in step.
/// </summary>
public sealed class ScheduledRebuild(JobRunner runner, AnalyticsRebuilder rebuilder, AnalyticsCreators creators, IAmazonDynamoDB dynamoDb, PlatformSchema schema,
    IOptions<PlatformOptions> options, TimeProvider time, ILogger<ScheduledRebuild> logger)
{
    /// <summary>Who the schedule acts as in the audit log and the job history: the console itself, not a person.</summary>
    public static readonly Actor ConsoleActor = new("Admin console (schedule)", "console:analytics-schedule", AdminRole.Admin, "schedule");

    public AnalyticsScheduleOptions Settings => options.Value.Analytics.Schedule;
    public bool Enabled => Settings.IsEnabled(options.Value.Mode);

    /// <summary>After each interval: the run this instance started and finished, or null when another instance had the slot.</summary>
    public event Action<JobRun?>? Ticked;

    public static string Title(DateRange range) => $"Scheduled rebuild (all creators, {range})";

    /// <summary>Every interval, on the interval's boundaries, until <paramref name="ct"/> fires.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        var interval = Settings.Interval;
        while (!ct.IsCancellationRequested)
        {
            var now = time.GetUtcNow();
            var next = SlotStart(now, interval) + interval;
            await Task.Delay(next - now, time, ct);
            try
            {
                var run = await RunDueAsync(ct);
                if (run is not null) await run.Completion;
                Ticked?.Invoke(run);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "The scheduled analytics rebuild could not start");
            }
        }
    }

    /// <summary>Starts this slot's rebuild when no other instance claimed it; null when another did, or a rebuild runs here.</summary>
    public async Task<JobRun?> RunDueAsync(CancellationToken ct)
    {
        // Before the rollout (no creators, no console table) there is nothing to keep fresh: no job, no failed entry every hour.
        if ((await creators.ListCreatorsAsync(ct)).Count == 0)
        {
            logger.LogInformation("Scheduled rebuild skipped: there are no creators yet.");
            return null;
        }
        var now = time.GetUtcNow();
        var slot = SlotStart(now, Settings.Interval);
        try
        {
            if (!await ClaimAsync(slot, ct)) return null;
        }
        catch (ResourceNotFoundException)
        {
            logger.LogInformation("Scheduled rebuild skipped: {Table} does not exist yet.", schema.Ops.Name);
            return null;
        }
        var today = DateRange.Today(time);
        var range = new DateRange(today.AddDays(-1), today);
        try
        {
            return runner.StartAs(ConsoleActor, AnalyticsRebuilder.JobKind, Title(range),
                job => rebuilder.RebuildAsync(job, new AnalyticsScope(null, range), ConsoleActor.Name, RebuildTrigger.Scheduled));
        }
        catch (JobAlreadyRunningException e)
        {
            logger.LogInformation("Scheduled rebuild skipped: {Reason}", e.Message);
            return null;
        }
    }

    public static DateTimeOffset SlotStart(DateTimeOffset now, TimeSpan interval) =>
        DateTimeOffset.FromUnixTimeMilliseconds(now.ToUnixTimeMilliseconds() / (long)interval.TotalMilliseconds * (long)interval.TotalMilliseconds);

    private async Task<bool> ClaimAsync(DateTimeOffset slot, CancellationToken ct)
    {
        var item = Key(SchedulePk, $"slot#{slot.UtcDateTime:o}");
        item["claimedAt"] = S(time.GetUtcNow().UtcDateTime.ToString("o"));
        item["host"] = S(Environment.MachineName);
        item["expiresAt"] = N(slot.AddDays(2).ToUnixTimeSeconds());
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
