using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;

namespace CreatorPlatform.Core.Verification;

/// <summary>
/// The migration's check: every product migrated, exactly one default creator. Its result is kept in the migration's
/// history like a verify run's, so the Overview's "Verification clean" follows the newest report.
/// </summary>
public sealed class MigrationCompletenessSection(MigrationVerifier verifier, MigrationHistory history, PlatformSchema schema, Troubleshooter troubleshooter,
    TimeProvider time) : IVerificationSection
{
    public string Name => "Migration completeness";
    public ConsoleScreen Link => ConsoleScreen.Migration;
    public bool Scans => true;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        var started = time.GetUtcNow();
        VerificationReport report;
        try
        {
            report = await verifier.VerifyAsync(ct);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return [new(Name, "Every product migrated", CheckState.Red, [$"{schema.Products.Name} or {schema.Creators.Name} does not exist."], ConsoleScreen.Tables)
                { Trouble = troubleshooter.TableMissing($"{schema.Products.Name} or {schema.Creators.Name}") }];
        }
        await RecordAsync(report, started);
        var evidence = new List<string>
        {
            $"{report.CreatorsWithSlug} creator(s) with the slug '{report.Slug}' (expected 1)",
            $"{report.ProductsWithCreatorId:N0} of {report.Products:N0} products have creatorId",
        };
        evidence.AddRange(report.Problems.OrderByDescending(p => p.Value.Count)
            .Select(p => $"{p.Value.Count:N0} products: {p.Key} (e.g. {string.Join(", ", p.Value.SampleIds)})"));
        if (report.FeaturedEncodings is { Count: > 0 } encodings)
            evidence.Add($"featured stored as: {string.Join(", ", encodings.OrderBy(e => e.Key).Select(e => $"{e.Key} {e.Value:N0}"))}");
        if (report.FeaturedBooleans is { Count: > 0 } booleans)
            evidence.Add($"{booleans.Count:N0} products: {VerificationReport.BooleanFeatured} (e.g. {string.Join(", ", booleans.SampleIds)})");
        var state = !report.Clean ? CheckState.Red : report.BooleanFeaturedCount > 0 ? CheckState.Amber : CheckState.Green;
        return [new(Name, "Every product migrated", state, evidence, Link)];
    }

    private async Task RecordAsync(VerificationReport report, DateTimeOffset started)
    {
        try
        {
            await history.SaveAsync(new MigrationRunRecord(Guid.NewGuid().ToString("N")[..12], RunKinds.Verify, "verification report", started, time.GetUtcNow(),
                report.Clean ? RunOutcomes.Succeeded : RunOutcomes.Failed, new Dictionary<string, string>(),
                new Dictionary<string, long> { ["products"] = report.Products },
                MigrationHistory.Serialize(report), null), CancellationToken.None);
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            // The console's own table does not exist yet: nothing to record the report in.
        }
    }
}
