using System.Collections.Concurrent;
using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Analytics.AnalyticsOpsKeys;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// Per-day platform totals, per-creator period totals and the last 24 hours of tracking, in the console's own table.
/// The rebuild (and a restore) writes a new generation, then points to it, so a reader never sees half of one; the overview
/// then costs one GetItem and a few BatchGetItems whatever the number of creators or page views. Items hold gzipped JSON:
/// a tenth of the bytes for DynamoDB to send and the SDK to parse.
/// </summary>
public sealed class AnalyticsRollups(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AnalyticsStore store, AnalyticsProbes probes,
    AnalyticsCreators creators, TimeProvider time)
{
    /// <summary>Parallel reads while rolling up: a background job, a little wider than a page's.</summary>
    public const int Parallelism = 8;
    // Uncompressed JSON per item: small items read in parallel, and far below the 400 KB item limit once compressed.
    private const int ChunkBytes = 100_000;

    /// <summary>Reads every creator's summaries of the window (one Query each) and its last 24 hours of events, then writes a generation.</summary>
    public async Task<RollupSnapshot> RefreshAsync(JobContext? job, CancellationToken ct, string? runId = null)
    {
        var now = time.GetUtcNow();
        var asOf = DateRange.Today(time);
        var window = RollupCalculator.Window(asOf);
        var from = RollupCalculator.TrackingFrom(now);
        var all = await creators.ListCreatorsAsync(ct);
        job?.Info($"Rolling up {all.Count:N0} creator(s) for the overview ({window}) and the last 24 hours of tracking...");
        var rows = new ConcurrentBag<CreatorRollupRow>();
        var stopped = new ConcurrentBag<CreatorRef>();
        var days = new ConcurrentDictionary<DateOnly, Totals>();
        var hours = new long[24, 3];
        await Parallel.ForEachAsync(all, new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (c, token) =>
        {
            var summaries = await store.QuerySummariesAsync(c.Id, window, token);
            rows.Add(RollupCalculator.Row(c, summaries, asOf));
            foreach (var s in summaries) days.AddOrUpdate(s.Date, s.Totals, (_, t) => t + s.Totals);
            var recent = 0;
            await foreach (var (at, type) in probes.EventsSinceAsync(c.Id, from, token))
            {
                var hour = RollupCalculator.HourIndex(from, at);
                var kind = type switch { EventTypes.PageView => 0, EventTypes.ProductView => 1, EventTypes.AffiliateClick => 2, _ => -1 };
                if (hour is < 0 or > 23 || kind < 0) continue;
                Interlocked.Increment(ref hours[hour, kind]);
                recent++;
            }
            if (recent == 0 && RollupCalculator.HadTrafficAllWeek(summaries, asOf)) stopped.Add(c);
            job?.Add("creators rolled up");
        });
        var stoppedList = stopped.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
        var snapshot = new RollupSnapshot(Guid.NewGuid().ToString("N")[..12], runId ?? job?.RunId ?? "", asOf, now,
            rows.OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList(), days,
            new TrackingSnapshot(from, Enumerable.Range(0, 24).Select(h => new HourCounts(from.AddHours(h), hours[h, 0], hours[h, 1], hours[h, 2])).ToList(),
                stoppedList.Take(100).ToList(), stoppedList.Count));
        await WriteAsync(snapshot, ct);
        job?.Info($"Rollup {snapshot.Generation} written as of {asOf:yyyy-MM-dd}: {rows.Count:N0} creator(s), {stoppedList.Count} with stopped traffic.");
        return snapshot;
    }

    /// <summary>
    /// The newest rollup, or null before the first rebuild. For a view (the default) it holds the ranked rows and the
    /// figures over every creator, in the same few requests at any number of creators; <paramref name="everyCreator"/>
    /// reads every creator's row (one request per two chunks of about 700 creators).
    /// </summary>
    public async Task<RollupSnapshot?> ReadAsync(CancellationToken ct, bool everyCreator = false)
    {
        var pointer = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key(RollupPointerPk, "current") }, ct);
        if (pointer.Item is not { Count: > 0 } p || Str(p, "generation") is not { } generation) return null;
        // A generation written before the view's item existed has only chunks (generations expire within two days).
        var top = !everyCreator && Long(p, "top") == 1;
        var chunks = top ? 0 : (int)Long(p, "chunks");
        var keys = FixedSks.Concat(top ? [TopSk] : Enumerable.Range(0, chunks).Select(ChunkSk)).Select(sk => Key(RollupPk(generation), sk)).ToList();
        var items = new ConcurrentDictionary<string, string>();
        await Parallel.ForEachAsync(keys.Chunk(2), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct }, async (group, token) =>
        {
            foreach (var item in await BatchReader.GetAllAsync(dynamoDb, schema.Ops.Name, group, null, token))
                if (Str(item, "sk") is { } sk && item.TryGetValue("data", out var data) && data.B is { } bytes) items[sk] = RollupJson.Unpack(bytes);
        });
        if (Enumerable.Range(0, chunks).Any(i => !items.ContainsKey(ChunkSk(i))) || (top && !items.ContainsKey(TopSk))) return null;
        var builtAt = DateTimeOffset.TryParse(Str(p, "builtAt"), out var at) ? at : default;
        var (figures, rows) = top ? RollupJson.DecodeTop(items[TopSk])
            : (null, Enumerable.Range(0, chunks).SelectMany(i => RollupJson.DecodeChunk(items[ChunkSk(i)])).ToList());
        return new RollupSnapshot(generation, Str(p, "runId") ?? "", DateRange.TryParseDay(Str(p, "asOf"), out var day) ? day : default, builtAt,
            rows, RollupJson.DecodeDays(items.GetValueOrDefault("days")), RollupJson.DecodeTracking(items.GetValueOrDefault("tracking"), builtAt))
        {
            Figures = figures,
        };
    }

    internal async Task WriteAsync(RollupSnapshot snapshot, CancellationToken ct)
    {
        // Generations are replaced at least hourly by the schedule: an old one only has to outlive its readers.
        var expires = N(snapshot.BuiltAt.AddDays(2).ToUnixTimeSeconds());
        var items = new List<Dictionary<string, AttributeValue>>
        {
            Item("days", RollupJson.EncodeDays(snapshot.Days)), Item("tracking", RollupJson.EncodeTracking(snapshot.Tracking)),
            Item(TopSk, RollupJson.EncodeTop(snapshot)),
        };
        var chunk = new StringBuilder();
        foreach (var row in snapshot.Creators.Select(RollupJson.Encode))
        {
            if (chunk.Length > 0 && chunk.Length + row.Length > ChunkBytes) Flush();
            chunk.Append(chunk.Length == 0 ? "[" : ",").Append(row);
        }
        Flush();
        await BatchWriter.PutAllAsync(dynamoDb, schema.Ops.Name, items, ct);
        var pointer = Key(RollupPointerPk, "current");
        pointer["generation"] = S(snapshot.Generation);
        pointer["runId"] = S(snapshot.RunId);
        pointer["asOf"] = S(DailySummaryMapper.FormatDate(snapshot.AsOf));
        pointer["builtAt"] = S(snapshot.BuiltAt.UtcDateTime.ToString("o"));
        pointer["chunks"] = N(items.Count - Fixed);
        pointer["top"] = N(1);
        pointer["creators"] = N(snapshot.Creators.Count);
        try
        {
            // A slower refresh that started earlier never replaces a newer one.
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name, Item = pointer, ConditionExpression = "attribute_not_exists(pk) OR builtAt <= :b",
                ExpressionAttributeValues = new() { [":b"] = pointer["builtAt"] },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
        }

        void Flush()
        {
            if (chunk.Length == 0 && items.Count > Fixed) return;
            items.Add(Item(ChunkSk(items.Count - Fixed), chunk.Length == 0 ? "[]" : chunk.Append(']').ToString()));
            chunk.Clear();
        }
        Dictionary<string, AttributeValue> Item(string sk, string json)
        {
            var item = Key(RollupPk(snapshot.Generation), sk);
            item["data"] = new AttributeValue { B = RollupJson.Pack(json) };
            item["expiresAt"] = expires;
            return item;
        }
    }

    /// <summary>The rollup's items every read takes; the view's item (figures and ranked rows) and the creator chunks come after them.</summary>
    private static readonly string[] FixedSks = ["days", "tracking"];
    private const string TopSk = "top";
    /// <summary>Items written before the creator chunks: the fixed ones and the view's.</summary>
    private const int Fixed = 3;

    private static string ChunkSk(int i) => $"creators#{i:D4}";
}
