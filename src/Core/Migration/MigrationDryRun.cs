using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

public sealed record AttributeChange(string Name, string Before, string After);
public sealed record ProductDiff(string ProductId, IReadOnlyList<AttributeChange> Changes);

/// <summary>What a migration would do, without writing: counts per attribute, samples, write units and their on-demand cost.</summary>
public sealed record DryRunReport(bool CreatesCreator, long Products, long WouldUpdate, long AlreadyComplete, long MissingCreatorId, long MissingFeatured,
    long MissingStatus, IReadOnlyList<ProductDiff> Samples, long WriteUnits, decimal EstimatedCostUsd, BackfillWriteMode WriteMode = BackfillWriteMode.Single);

public sealed class MigrationDryRun(IAmazonDynamoDB dynamoDb, PlatformSchema schema, DefaultCreator defaultCreator, IOptions<PlatformOptions> options, TimeProvider time)
{
    public const string JobKind = "migration-dry-run";
    private const int SampleCount = 10;
    // A transactional write costs two units per item: the creator and its slug reservation.
    private const int CreatorWriteUnits = 4;

    public async Task<DryRunReport> RunAsync(JobContext job)
    {
        var ct = job.CancellationToken;
        job.Info("Dry run: nothing is written.");
        var creator = await defaultCreator.FindAsync(ct);
        job.Info(creator is null ? $"Step 1 would create the default creator '{defaultCreator.Settings.Slug}'." : $"Step 1: the default creator exists ({creator.Id}).");
        var creatorId = creator?.Id ?? "<new creator id>";
        var now = CreatorMapper.Time(time.GetUtcNow());
        long products = 0, update = 0, complete = 0, noCreator = 0, noFeatured = 0, noStatus = 0, units = 0;
        var samples = new ConcurrentQueue<ProductDiff>();
        await ParallelScan.ForEachPageAsync(dynamoDb, schema.Products.Name, options.Value.Migration.Segments, null, null, page =>
        {
            foreach (var item in page)
            {
                Interlocked.Increment(ref products);
                job.Add(BackfillCounters.Scanned);
                var missing = ProductUpdate.Missing(item);
                if (missing == MissingAttributes.None) { Interlocked.Increment(ref complete); continue; }
                Interlocked.Increment(ref update);
                if (missing.HasFlag(MissingAttributes.CreatorId)) Interlocked.Increment(ref noCreator);
                if (missing.HasFlag(MissingAttributes.Featured)) Interlocked.Increment(ref noFeatured);
                if (missing.HasFlag(MissingAttributes.Status)) Interlocked.Increment(ref noStatus);
                var after = ProductUpdate.After(item, creatorId, now);
                Interlocked.Add(ref units, (Math.Max(ProductUpdate.Size(item), ProductUpdate.Size(after)) + 1023) / 1024);
                if (samples.Count < SampleCount) samples.Enqueue(Diff(item, after));
            }
        }, ct);
        // A product written inside a transaction is billed twice (prepare and commit).
        var mode = BackfillWriteModes.Effective(options.Value);
        var productUnits = mode == BackfillWriteMode.Transaction ? 2 * units : units;
        units = productUnits + (creator is null ? CreatorWriteUnits : 0);
        var cost = units * options.Value.Migration.PricePerMillionWriteUnits / 1_000_000m;
        var report = new DryRunReport(creator is null, products, update, complete, noCreator, noFeatured, noStatus, samples.Take(SampleCount).ToList(), units, cost, mode);
        job.Info($"Step 2 would update {update} of {products} products ({complete} already migrated):");
        job.Info($"  - creatorId: {noCreator}, featured: {noFeatured}, status: {noStatus}");
        if (report.Samples.Count > 0) job.Info($"  A sample of {report.Samples.Count} of them, attribute by attribute (before → after):");
        foreach (var sample in report.Samples)
            job.Info($"    {sample.ProductId}: {string.Join("; ", sample.Changes.Select(c => $"{c.Name} {c.Before} → {c.After}"))}");
        var (how, other) = mode == BackfillWriteMode.Transaction
            ? ("written in transactions", $"one write per product would bill {productUnits / 2}")
            : ("one write per product", $"in transactions they would bill {2 * productUnits}");
        job.Success($"✓ Estimated {units} write request units, about ${cost:0.######} on demand (${options.Value.Migration.PricePerMillionWriteUnits} per million; "
            + $"{how}: {productUnits} for the products, {other}).");
        return report;
    }

    private static readonly string[] DiffedAttributes = ["creatorId", "featured", "status", "updatedAt"];

    private static ProductDiff Diff(Dictionary<string, AttributeValue> before, Dictionary<string, AttributeValue> after) =>
        new(before.GetValueOrDefault("id")?.S ?? "", DiffedAttributes
            .Where(n => ProductUpdate.Describe(before.GetValueOrDefault(n)) != ProductUpdate.Describe(after.GetValueOrDefault(n)))
            .Select(n => new AttributeChange(n, ProductUpdate.Describe(before.GetValueOrDefault(n)), ProductUpdate.Describe(after.GetValueOrDefault(n))))
            .ToList());
}
