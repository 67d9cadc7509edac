using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>What "Repair featured encoding" found and did. <see cref="Remaining"/> is what the verification after the writes still found.</summary>
public sealed record FeaturedRepairReport(bool DryRun, long Scanned, long Booleans, long Repaired, long Skipped, long Failed, long Remaining,
    IReadOnlyList<ProductDiff> Samples)
{
    public bool Done => Remaining == 0;
}

/// <summary>
/// Turns each boolean <c>featured</c> (the guide's script) into the same value as the platform's string. Each write is
/// conditioned on the attribute still being that boolean, so a value a creator changed meanwhile is left alone, and a
/// second run finds nothing to write. Started through the JobRunner, so only an admin runs it and it is audited.
/// </summary>
public sealed class FeaturedRepair(IAmazonDynamoDB dynamoDb, PlatformSchema schema, MigrationVerifier verifier, MigrationHistory history,
    IOptions<PlatformOptions> options, TimeProvider time)
{
    public const string JobKind = "featured-repair";
    public const string DryRunJobKind = "featured-repair-dry-run";
    private const int SampleCount = 10;
    private const int WritesInFlight = 8;

    public async Task<FeaturedRepairReport> RunAsync(JobContext job, bool dryRun)
    {
        var ct = job.CancellationToken;
        job.Info(dryRun ? "Dry run: nothing is written." : "Repairing featured: each boolean becomes the same value as the string the platform reads.");
        long booleans = 0, repaired = 0, skipped = 0, failed = 0;
        var samples = new ConcurrentQueue<ProductDiff>();
        var scanned = await ScanBooleansAsync(job, async (id, value) =>
        {
            Interlocked.Increment(ref booleans);
            job.Add("booleans");
            if (samples.Count < SampleCount)
                samples.Enqueue(new ProductDiff(id, [new AttributeChange("featured", value ? "true" : "false", value ? "\"true\"" : "\"false\"")]));
            if (dryRun) return;
            switch (await WriteAsync(id, value, ct))
            {
                case true: Interlocked.Increment(ref repaired); job.Add("repaired"); break;
                case false: Interlocked.Increment(ref skipped); job.Add(BackfillCounters.Skipped); break;
                case null: Interlocked.Increment(ref failed); job.Add(BackfillCounters.Failed); break;
            }
        }, ct);
        var report = new FeaturedRepairReport(dryRun, scanned, booleans, repaired, skipped, failed, booleans, samples.Take(SampleCount).ToList());
        Log(job, report);
        if (dryRun) return report;
        report = report with { Remaining = await VerifyAsync(job) };
        if (!report.Done)
            throw new JobFailedException($"{report.Remaining} products still store featured as a boolean ({failed} writes failed). Run the repair again.");
        job.Success("✓ No product stores featured as a boolean any more.");
        return report;
    }

    /// <summary>Verifies again and keeps the report in the migration's history, so every page shows what is left; returns the booleans left.</summary>
    private async Task<long> VerifyAsync(JobContext job)
    {
        var started = time.GetUtcNow();
        job.Info("Verifying again...");
        var report = await verifier.VerifyAsync(job.CancellationToken);
        await history.SaveAsync(new MigrationRunRecord($"{job.RunId}-v", RunKinds.Verify, job.StartedBy, started, time.GetUtcNow(),
            report.Clean ? RunOutcomes.Succeeded : RunOutcomes.Failed,
            new Dictionary<string, string>(), new Dictionary<string, long> { ["products"] = report.Products }, MigrationHistory.Serialize(report), null), CancellationToken.None);
        return report.BooleanFeaturedCount;
    }

    private static void Log(JobContext job, FeaturedRepairReport report)
    {
        job.Info($"Scanned {report.Scanned} products: {report.Booleans} store featured as a boolean.");
        foreach (var sample in report.Samples)
            job.Info($"  {sample.ProductId}: {string.Join("; ", sample.Changes.Select(c => $"{c.Name} {c.Before} → {c.After}"))}");
        if (report.DryRun)
        {
            job.Success(report.Booleans == 0 ? "✓ Nothing to repair." : $"✓ The repair would rewrite {report.Booleans} products.");
            return;
        }
        job.Info($"  - Repaired: {report.Repaired}, changed by someone else meanwhile (left alone): {report.Skipped}");
        if (report.Failed > 0) job.Error($"  - Failed: {report.Failed}");
    }

    /// <summary>True when written, false when the condition found another value, null when the write failed.</summary>
    private async Task<bool?> WriteAsync(string id, bool value, CancellationToken ct)
    {
        try
        {
            // The client's own bounded retry is the one policy (no retry on top of it).
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = schema.Products.Name,
                Key = new() { ["id"] = new AttributeValue { S = id } },
                UpdateExpression = "SET featured = :string",
                ConditionExpression = "featured = :boolean",
                ExpressionAttributeValues = new()
                {
                    [":string"] = new AttributeValue { S = value ? "true" : "false" }, [":boolean"] = new AttributeValue { BOOL = value },
                },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
        catch (AmazonDynamoDBException)
        {
            return null;
        }
    }

    /// <summary>Scans every product for a boolean featured, calling <paramref name="onBoolean"/> for each; returns how many products were scanned.</summary>
    private async Task<long> ScanBooleansAsync(JobContext job, Func<string, bool, Task> onBoolean, CancellationToken ct)
    {
        long scanned = 0;
        var segments = options.Value.Migration.Segments;
        await Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            var scan = dynamoDb.Paginators.Scan(new ScanRequest
            {
                TableName = schema.Products.Name, Segment = segment, TotalSegments = segments,
                Limit = options.Value.Migration.ScanPageSize, ProjectionExpression = "id, featured",
            });
            await foreach (var page in scan.Responses.WithCancellation(ct))
            {
                var items = page.Items ?? [];
                Interlocked.Add(ref scanned, items.Count);
                job.Add(BackfillCounters.Scanned, items.Count);
                var booleans = items.Where(i => i.GetValueOrDefault("featured")?.BOOL is not null && i.GetValueOrDefault("id")?.S is not null).ToList();
                await Parallel.ForEachAsync(booleans, new ParallelOptions { MaxDegreeOfParallelism = WritesInFlight, CancellationToken = ct },
                    async (item, _) => await onBoolean(item["id"].S, item["featured"].BOOL!.Value));
            }
        }));
        return scanned;
    }
}
