using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Analytics.AnalyticsOpsKeys;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

/// <summary>One summary a rebuild overwrote: what was there before (null: no summary), and what the rebuild wrote.</summary>
public sealed record JournalEntry(string CreatorId, DateOnly Date, DailySummary? Before, DailySummary Written);

/// <summary>
/// The summaries each rebuild overwrote, in the console's own table under the run's id, kept 35 days (as long as PITR keeps
/// backups). A day is journalled before it is rewritten, so a rebuild that dies half-way still has its way back.
/// </summary>
public sealed class SummaryJournal(IAmazonDynamoDB dynamoDb, PlatformSchema schema, TimeProvider time)
{
    public static readonly TimeSpan Retention = TimeSpan.FromDays(35);

    public Task WriteAsync(string runId, IEnumerable<JournalEntry> entries, CancellationToken ct)
    {
        var expires = N(time.GetUtcNow().Add(Retention).ToUnixTimeSeconds());
        return BatchWriter.PutAllAsync(dynamoDb, schema.Ops.Name, entries.Select(e =>
        {
            var item = Key(JournalPk(runId), $"{e.CreatorId}#{DailySummaryMapper.FormatDate(e.Date)}");
            if (e.Before is not null) item["before"] = new AttributeValue { M = DailySummaryMapper.ToItem(e.Before) };
            item["written"] = new AttributeValue { M = DailySummaryMapper.ToItem(e.Written) };
            item["expiresAt"] = expires;
            return item;
        }), ct);
    }

    /// <summary>A run's entries page by page; never the whole journal in memory.</summary>
    public async IAsyncEnumerable<JournalEntry> ReadAsync(string runId, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var request = new QueryRequest
        {
            TableName = schema.Ops.Name, KeyConditionExpression = "pk = :pk AND sk > :header",
            ExpressionAttributeValues = new() { [":pk"] = S(JournalPk(runId)), [":header"] = S(JournalHeaderSk) },
        };
        await foreach (var page in dynamoDb.Paginators.Query(request).Responses.WithCancellation(ct))
        {
            foreach (var item in page.Items ?? [])
            {
                if (!item.TryGetValue("written", out var written) || written.M is null) continue;
                var after = DailySummaryMapper.FromItem(written.M);
                var before = item.TryGetValue("before", out var b) && b.M is { Count: > 0 } ? DailySummaryMapper.FromItem(b.M) : null;
                yield return new JournalEntry(after.CreatorId, after.Date, before, after);
            }
        }
    }
}
