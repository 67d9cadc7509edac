using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

public sealed record ProblemCount(long Count, IReadOnlyList<string> SampleIds);

/// <summary>
/// Step 3's findings. <see cref="Problems"/> is keyed by a sentence naming the kind of problem. <see cref="FeaturedEncodings"/>
/// counts each way <c>featured</c> is stored; booleans are no problem for the migration but a warning (amber) for the platform.
/// </summary>
public sealed record VerificationReport(string Slug, int CreatorsWithSlug, long Products, long ProductsWithCreatorId, IReadOnlyDictionary<string, ProblemCount> Problems,
    IReadOnlyDictionary<string, long>? FeaturedEncodings = null, ProblemCount? FeaturedBooleans = null, long? ProductsWithProblems = null)
{
    public const string MissingCreatorId = "missing creatorId";
    public const string MissingFeatured = "missing featured";
    public const string MissingStatus = "missing status";
    public const string WrongCreatorIdType = "creatorId not a string";
    public const string WrongFeaturedType = "featured not \"true\", \"false\" or a boolean";
    public const string BooleanFeatured = "featured stored as a boolean: the platform reads a boolean true as not featured; run Repair featured encoding";
    public const string WrongStatus = "status not pending, approved or rejected";
    public const string UnknownCreator = "creatorId names no creator";

    public bool Clean => CreatorsWithSlug == 1 && Problems.Count == 0;

    /// <summary>
    /// Products with at least one problem (one product missing three attributes is one product). Reports stored before
    /// this was counted give the largest single kind's count, the fewest products those problems can be on.
    /// </summary>
    public long ProblemProducts => ProductsWithProblems ?? (Problems.Count == 0 ? 0 : Problems.Values.Max(p => p.Count));

    /// <summary>Products whose featured is a BOOL: the migration is complete, but the platform misreads them.</summary>
    public long BooleanFeaturedCount => FeaturedBooleans?.Count ?? 0;
}

/// <summary>Step 3, also a job of its own: checks the creator through slug-index and every product's new attributes.</summary>
public sealed class MigrationVerifier(IAmazonDynamoDB dynamoDb, PlatformSchema schema, CreatorStore creators, MigrationHistory history,
    IOptions<PlatformOptions> options, TimeProvider time)
{
    public const string JobKind = "verify";
    private const int Samples = 5;

    public async Task<VerificationReport> VerifyAsync(CancellationToken ct)
    {
        var slug = options.Value.DefaultCreator.Slug;
        var withSlug = (await creators.FindBySlugAsync(slug, ct)).Count;
        var problems = new ConcurrentDictionary<string, (long Count, ConcurrentQueue<string> Samples)>();
        var byCreator = new ConcurrentDictionary<string, (long Count, ConcurrentQueue<string> Samples)>();
        var booleans = new ConcurrentDictionary<string, (long Count, ConcurrentQueue<string> Samples)>();
        var encodings = new ConcurrentDictionary<FeaturedEncoding, long>();
        var otherwiseClean = new ConcurrentDictionary<string, long>();
        long products = 0, withCreatorId = 0, withProblems = 0;
        void Note(ConcurrentDictionary<string, (long Count, ConcurrentQueue<string> Samples)> into, string key, string id)
        {
            var entry = into.AddOrUpdate(key, _ => (1, new ConcurrentQueue<string>()), (_, e) => (e.Count + 1, e.Samples));
            if (entry.Samples.Count < Samples) entry.Samples.Enqueue(id);
        }
        await ParallelScan.ForEachPageAsync(dynamoDb, schema.Products.Name, options.Value.Migration.Segments, ProductUpdate.Projection, ProductUpdate.ProjectionNames, page =>
        {
            foreach (var item in page)
            {
                Interlocked.Increment(ref products);
                var id = item.GetValueOrDefault("id")?.S ?? "(no id)";
                var bad = false;
                if (!item.TryGetValue("creatorId", out var creatorId)) { bad = true; Note(problems, VerificationReport.MissingCreatorId, id); }
                else if (creatorId.S is null) { Interlocked.Increment(ref withCreatorId); bad = true; Note(problems, VerificationReport.WrongCreatorIdType, id); }
                else { Interlocked.Increment(ref withCreatorId); Note(byCreator, creatorId.S, id); }
                var featured = FeaturedValue.Classify(item.GetValueOrDefault("featured"));
                encodings.AddOrUpdate(featured, 1, (_, n) => n + 1);
                if (featured == FeaturedEncoding.Absent) { bad = true; Note(problems, VerificationReport.MissingFeatured, id); }
                else if (featured == FeaturedEncoding.Other) { bad = true; Note(problems, VerificationReport.WrongFeaturedType, id); }
                else if (FeaturedValue.IsBoolean(featured)) Note(booleans, VerificationReport.BooleanFeatured, id);
                if (!item.TryGetValue("status", out var status)) { bad = true; Note(problems, VerificationReport.MissingStatus, id); }
                else if (status.S is null || !ProductUpdate.Statuses.Contains(status.S)) { bad = true; Note(problems, VerificationReport.WrongStatus, id); }
                if (bad) Interlocked.Increment(ref withProblems);
                else if (creatorId?.S is { } owner) otherwiseClean.AddOrUpdate(owner, 1, (_, n) => n + 1);
            }
        }, ct);
        var existing = await creators.ExistingIdsAsync(byCreator.Keys, ct);
        foreach (var (creatorId, entry) in byCreator.Where(e => !existing.Contains(e.Key)))
        {
            var merged = problems.GetOrAdd(VerificationReport.UnknownCreator, _ => (0, new ConcurrentQueue<string>()));
            foreach (var id in entry.Samples.Take(Samples - merged.Samples.Count)) merged.Samples.Enqueue(id);
            problems[VerificationReport.UnknownCreator] = (merged.Count + entry.Count, merged.Samples);
            withProblems += otherwiseClean.GetValueOrDefault(creatorId);
        }
        return new VerificationReport(slug, withSlug, products, withCreatorId,
            problems.ToDictionary(p => p.Key, p => new ProblemCount(p.Value.Count, p.Value.Samples.ToList())),
            encodings.Where(e => e.Key != FeaturedEncoding.Absent).ToDictionary(e => FeaturedValue.Label(e.Key), e => e.Value),
            booleans.TryGetValue(VerificationReport.BooleanFeatured, out var b) ? new ProblemCount(b.Count, b.Samples.ToList()) : null, withProblems);
    }

    /// <summary>The verify job: logs the guide's words, keeps the report in the run history, and ends red unless everything checks out.</summary>
    public async Task<VerificationReport> RunAsync(JobContext job)
    {
        var startedAt = time.GetUtcNow();
        job.Info("Step 3: Verifying data integrity...");
        var report = await VerifyAsync(job.CancellationToken);
        Log(job, report);
        await history.SaveAsync(new MigrationRunRecord(job.RunId, RunKinds.Verify, job.StartedBy, startedAt, time.GetUtcNow(),
            report.Clean ? RunOutcomes.Succeeded : RunOutcomes.Failed, new Dictionary<string, string>(), new Dictionary<string, long> { ["products"] = report.Products },
            MigrationHistory.Serialize(report), null), CancellationToken.None);
        if (!report.Clean)
            throw new JobFailedException($"Verification found problems: {report.CreatorsWithSlug} creator(s) with slug '{report.Slug}', "
                + $"{report.ProblemProducts} product(s) with problems. Run the migration again, or repair what it cannot.");
        return report;
    }

    public static void Log(JobContext job, VerificationReport report)
    {
        if (report.CreatorsWithSlug == 1) job.Success("✓ Creator exists in database");
        else job.Error($"✗ {report.CreatorsWithSlug} creators with the slug '{report.Slug}' (expected exactly one)");
        job.Success("✓ Data integrity check complete:");
        job.Info($"  - Products with creatorId: {report.ProductsWithCreatorId}");
        job.Info($"  - Products without creatorId: {report.Products - report.ProductsWithCreatorId}");
        job.Set("products", report.Products);
        foreach (var (kind, problem) in report.Problems.OrderBy(p => p.Key))
            job.Error($"  - {problem.Count} products: {kind} (e.g. {string.Join(", ", problem.SampleIds)})");
        if (report.FeaturedEncodings is { Count: > 0 } encodings)
            job.Info($"  - featured stored as: {string.Join(", ", encodings.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value}"))}");
        if (report.FeaturedBooleans is { Count: > 0 } booleans)
            job.Warning($"  - {booleans.Count} products: {VerificationReport.BooleanFeatured} (e.g. {string.Join(", ", booleans.SampleIds)})");
        if (report.Clean) job.Success("✓ All products have been successfully migrated!");
    }
}
