using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bogus;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Sandbox.Traffic;

public sealed record TrafficRequest(long Events = 30_000, int Days = AnalyticsScope.DefaultDays, int SampleCreators = 5, bool PlantDrift = true, bool WriteSummaries = true);

/// <summary>A disagreement written on purpose, for reconcile to find.</summary>
public sealed record PlantedDrift(CreatorRef Creator, DateOnly Date, string What);

/// <summary>
/// Sandbox only: realistic events for every creator over the last days, with ttl as the platform sets it, the
/// summaries computed from them, and a little deliberate drift. Same seed, same creators, same day: same data.
/// </summary>
public sealed class SandboxTrafficGenerator(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AnalyticsStore store, AnalyticsCreators creators,
    AwsContext aws, IOptions<PlatformOptions> options, TimeProvider time, AnalyticsRollups rollups)
{
    public const string JobKind = AuditActions.SandboxTrafficJobKind;
    private static readonly string[] Agents = ["Mozilla/5.0 (iPhone; CPU iPhone OS 18_1 like Mac OS X)", "Mozilla/5.0 (Windows NT 10.0; Win64; x64)",
        "Mozilla/5.0 (Linux; Android 15)", "Mozilla/5.0 (Macintosh; Intel Mac OS X 14_6)"];
    private static readonly string[] Referrers = ["https://www.pinterest.com/", "https://www.instagram.com/", "https://www.tiktok.com/", "https://www.google.com/", ""];
    private static readonly string[] Locations = ["US", "US", "US", "GB", "CA", "AU", "DE"];

    public async Task<IReadOnlyList<PlantedDrift>> GenerateAsync(JobContext job, TrafficRequest request)
    {
        if (!aws.IsSandbox) throw new JobFailedException("Sandbox traffic is only generated in Sandbox mode.");
        var ct = job.CancellationToken;
        var setup = new SandboxTrafficSetup(dynamoDb, schema);
        foreach (var table in await setup.EnsureTablesAsync(ct)) job.Info($"Created table {table} (sandbox).");
        var seed = options.Value.Sandbox.Seed;
        var targets = await creators.ListCreatorsAsync(ct);
        if (targets.Count == 0)
        {
            targets = (await setup.CreateSampleCreatorsAsync(request.SampleCreators, seed, time.GetUtcNow(), ct)).OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
            job.Warning($"No creators yet: created {targets.Count} sample creators (sandbox only): {string.Join(", ", targets.Select(c => c.Slug))}.");
        }
        var products = await setup.ProductIdsAsync(ct);
        var now = time.GetUtcNow();
        var days = Enumerable.Range(0, request.Days).Select(i => DateRange.Today(time).AddDays(i - request.Days + 1)).ToList();
        var shares = new Randomizer(seed).Shuffle(Enumerable.Range(1, targets.Count).Select(i => 1.0 / i)).ToArray();
        job.Info($"Writing about {request.Events:N0} events for {targets.Count} creator(s) over {request.Days} days...");
        job.Track("days written", (long)targets.Count * request.Days, "days written (creators × days)");

        var drifts = new List<PlantedDrift>();
        await Parallel.ForEachAsync(Enumerable.Range(0, targets.Count),
            new ParallelOptions { MaxDegreeOfParallelism = AnalyticsStore.CreatorParallelism, CancellationToken = ct },
            async (i, token) =>
            {
                var random = new Randomizer(seed + 7919 * (i + 1));
                var shape = new TrafficShape(random, products);
                var total = (long)(request.Events * shares[i] / shares.Sum());
                var plant = request.PlantDrift && i == 0 ? new DriftPlan(days, random) : null;
                var summaries = new List<DailySummary>();
                var perDay = shape.EventsPerDay(days, total);
                long written = 0;
                for (var d = 0; d < days.Count; d++)
                {
                    var aggregate = await WriteDayAsync(targets[i], days[d], perDay[d], shape, random, now, plant?.Collision == days[d], token);
                    job.Add("days written");
                    if (aggregate is not { } day) continue;
                    summaries.Add(day.ToSummary());
                    written += day.Events;
                    job.Add("events", day.Events);
                }
                if (plant is not null) lock (drifts) drifts.AddRange(plant.Apply(targets[i], summaries));
                if (request.WriteSummaries) await store.PutSummariesAsync(summaries, token);
                job.Add("summaries", summaries.Count);
                job.Info($"{targets[i].Slug}: {written:N0} events, {summaries.Count} summaries");
            });
        foreach (var drift in drifts) job.Warning($"Planted drift: {drift.Creator.Slug} {DailySummaryMapper.FormatDate(drift.Date)}: {drift.What}");
        // The summaries changed outside a rebuild: the overview's rollups must follow.
        await rollups.RefreshAsync(job, job.CancellationToken);
        job.Success($"✓ Sandbox traffic written for {targets.Count} creator(s).");
        return drifts;
    }

    private async Task<DayAggregate?> WriteDayAsync(CreatorRef creator, DateOnly day, int count, TrafficShape shape, Randomizer random,
        DateTimeOffset now, bool collide, CancellationToken ct)
    {
        var start = new DateTimeOffset(day.ToDateTime(TimeOnly.MinValue), TimeSpan.Zero);
        var dayMillis = (long)TimeSpan.FromDays(1).TotalMilliseconds;
        // Today's times are drawn over the whole day and cut at now, so that a second run rewrites the same keys.
        var until = (long)Math.Min(dayMillis, (now - start).TotalMilliseconds);
        if (count <= 0) return null;
        var aggregate = new DayAggregate(creator.Id, day);
        var items = new List<Dictionary<string, AttributeValue>>(count);
        foreach (var offset in shape.Offsets(count, dayMillis).TakeWhile(o => o < until))
        {
            var type = shape.EventType();
            items.Add(Item(aggregate, creator, start.AddMilliseconds(offset), type, type == EventTypes.PageView ? null : shape.Product(), random));
        }
        await store.PutEventsAsync(items, ct);
        if (collide && items.Count > 0 && until == dayMillis)
        {
            // Trap 8 planted: two events 1 ms apart, then a third under the first one's key. The summary counts all
            // three; the table keeps two.
            var at = start.AddMilliseconds(dayMillis / 2 + 1);
            var product = shape.Product();
            await store.PutEventsAsync([Item(aggregate, creator, at, EventTypes.ProductView, product, random),
                Item(aggregate, creator, at.AddMilliseconds(1), EventTypes.AffiliateClick, product, random)], ct);
            await store.PutEventsAsync([Item(aggregate, creator, at, EventTypes.PageView, null, random)], ct);
        }
        return items.Count == 0 ? null : aggregate;
    }

    private static Dictionary<string, AttributeValue> Item(DayAggregate aggregate, CreatorRef creator, DateTimeOffset at, string type, string? product, Randomizer random)
    {
        var e = new AnalyticsEvent(creator.Id, AnalyticsEvent.FormatTimestamp(at), random.Guid().ToString(), type, product, AnalyticsEvent.TtlFor(at));
        aggregate.Add(e);
        return AnalyticsEventMapper.ToItem(e, new EventMetadata(random.ArrayElement(Agents), random.ArrayElement(Referrers), random.ArrayElement(Locations)));
    }
}
