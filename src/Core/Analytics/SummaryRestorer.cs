using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Options;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// "Restore previous": puts back the summaries a rebuild overwrote, from its journal, as a job (admins only, audited by the
/// runner). Each write is conditioned on the summary still holding the counts the rebuild wrote; a day changed since (a
/// later rebuild, the platform) is left alone and listed, and the job ends red.
/// </summary>
public sealed class SummaryRestorer(IAmazonDynamoDB dynamoDb, IOptions<PlatformOptions> options, SummaryJournal journal, RebuildRunLog runs,
    AnalyticsRollups rollups, TimeProvider time)
{
    public const string JobKind = "analytics-restore";

    public static string Title(string? runId) => runId is null ? "Restore the summaries of the last rebuild" : $"Restore the summaries of rebuild {runId}";

    /// <summary>The run "restore previous" would undo: the given one, or the newest that rewrote days and was not restored.</summary>
    public async Task<RebuildRunRecord?> CandidateAsync(string? runId, CancellationToken ct)
    {
        var recent = await runs.RecentAsync(RebuildRunLog.HistoryLimit, ct);
        return runId is null ? recent.FirstOrDefault(r => r.CanRestore) : recent.FirstOrDefault(r => r.RunId == runId);
    }

    public async Task RestoreAsync(JobContext job, string? runId)
    {
        var ct = job.CancellationToken;
        var run = await CandidateAsync(runId, ct)
            ?? throw new JobFailedException(runId is null ? "No recent rebuild rewrote any summary: there is nothing to restore."
                : $"No rebuild {runId} among the last {RebuildRunLog.HistoryLimit} runs.");
        if (run.RestoredAt is { } at) throw new JobFailedException($"Rebuild {run.RunId} was already restored by {run.RestoredBy} at {at:yyyy-MM-dd HH:mm} UTC.");
        if (run.EndedAt + SummaryJournal.Retention < time.GetUtcNow()) throw new JobFailedException($"Rebuild {run.RunId} is older than 35 days: its journal has expired.");
        job.Info($"Restoring the {run.DaysRewritten:N0} summaries rebuild {run.RunId} ({run.Range}, by {run.StartedBy}) overwrote...");
        var changed = new List<string>();
        await foreach (var entry in journal.ReadAsync(run.RunId, ct))
        {
            var day = $"{entry.CreatorId} {DailySummaryMapper.FormatDate(entry.Date)}";
            if (await PutBackAsync(entry, ct)) job.Add(entry.Before is null ? "summaries removed" : "summaries restored");
            else
            {
                changed.Add(day);
                job.Add("changed since, left alone");
            }
        }
        await runs.MarkRestoredAsync(run, job.Actor.Name, time.GetUtcNow(), ct);
        await rollups.RefreshAsync(job, ct);
        if (changed.Count > 0)
            throw
                new
                    JobFailedException($"{changed.Count} day(s) changed after the rebuild and were left alone: " +
                        $"{string.Join(", ", changed.Take(20))}{(changed.Count > 20 ? ", ..." : "")}.");
        job.Success($"✓ The summaries from before rebuild {run.RunId} are back.");
    }

    /// <summary>False when the day no longer holds what the rebuild wrote.</summary>
    private async Task<bool> PutBackAsync(JournalEntry entry, CancellationToken ct)
    {
        const string unchanged = "pageViews = :pv AND productViews = :prv AND affiliateClicks = :ac";
        var values = new Dictionary<string, AttributeValue>
        {
            [":pv"] = N(entry.Written.PageViews), [":prv"] = N(entry.Written.ProductViews), [":ac"] = N(entry.Written.AffiliateClicks),
        };
        var table = options.Value.Tables.AnalyticsSummaries;
        try
        {
            if (entry.Before is null)
                await dynamoDb.DeleteItemAsync(new DeleteItemRequest
                {
                    TableName = table, ConditionExpression = unchanged, ExpressionAttributeValues = values,
                    Key = new() { ["creatorId"] = new() { S = entry.CreatorId }, ["date"] = new() { S = DailySummaryMapper.FormatDate(entry.Date) } },
                }, ct);
            else
                await dynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = table, Item = DailySummaryMapper.ToItem(entry.Before), ConditionExpression = unchanged, ExpressionAttributeValues = values,
                }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return await AlreadyBackAsync(entry, ct);
        }
    }

    // A restore that crashed half-way is run again: days it already put back are not "changed since".
    private async Task<bool> AlreadyBackAsync(JournalEntry entry, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest
        {
            TableName = options.Value.Tables.AnalyticsSummaries, ConsistentRead = true,
            Key = new() { ["creatorId"] = new() { S = entry.CreatorId }, ["date"] = new() { S = DailySummaryMapper.FormatDate(entry.Date) } },
        }, ct);
        var now = response.Item is { Count: > 0 } item ? DailySummaryMapper.FromItem(item) : null;
        return entry.Before is null ? now is null : now is not null && now.SameAs(entry.Before);
    }
}
