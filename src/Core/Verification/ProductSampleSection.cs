using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Verification;

/// <summary>"Verify Products Have CreatorId": a few products with id, creatorId, featured and status, as the guide's table.</summary>
public sealed class ProductSampleSection(IAmazonDynamoDB dynamoDb, PlatformSchema schema, Troubleshooting.Troubleshooter troubleshooter, IOptions<PlatformOptions> options)
    : IVerificationSection
{
    public static readonly IReadOnlyList<string> Headers = ["id", "creatorId", "featured", "status"];
    public string Name => "Products sample";
    public ConsoleScreen Link => ConsoleScreen.Migration;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        ScanResponse response;
        try
        {
            response = await dynamoDb.ScanAsync(new ScanRequest
            {
                TableName = schema.Products.Name, Limit = options.Value.Verification.ProductSample,
                ProjectionExpression = "id, creatorId, featured, #s", ExpressionAttributeNames = new() { ["#s"] = "status" },
            }, ct);
        }
        catch (ResourceNotFoundException)
        {
            return [new(Name, Name, CheckState.Red, [$"{schema.Products.Name} does not exist."], ConsoleScreen.Tables) { Trouble =
                troubleshooter.TableMissing(schema.Products.Name) }];
        }
        var items = response.Items ?? [];
        var rows = items.Select(i => (IReadOnlyList<string>)
        [
            i.GetValueOrDefault("id")?.S ?? "?", i.GetValueOrDefault("creatorId")?.S ?? "None",
            FeaturedValue.Label(FeaturedValue.Classify(i.GetValueOrDefault("featured"))), i.GetValueOrDefault("status")?.S ?? "None",
        ]).ToList();
        var encodings = items.Select(i => FeaturedValue.Classify(i.GetValueOrDefault("featured"))).ToList();
        var incomplete = rows.Count(r => r.Skip(1).Contains("None"));
        var wrong = encodings.Count(e => e == FeaturedEncoding.Other);
        var booleans = encodings.Count(FeaturedValue.IsBoolean);
        var title = $"{rows.Count} products from {schema.Products.Name}";
        var table = new EvidenceTable(Headers, rows);
        if (rows.Count == 0) return [new(Name, title, CheckState.Amber, [$"{schema.Products.Name} has no products to sample."], Link)];
        var stored = encodings.Where(e => e != FeaturedEncoding.Absent).GroupBy(e => e).OrderBy(g => g.Key).Select(g => $"{FeaturedValue.Label(g.Key)} {g.Count()}");
        var counts = $"featured stored as: {string.Join(", ", stored)}";
        if (incomplete > 0 || wrong > 0)
        {
            var evidence = new List<string>();
            if (incomplete > 0) evidence.Add($"{incomplete} of {rows.Count} sampled products lack creatorId, featured or status: run the migration.");
            if (wrong > 0) evidence.Add($"{wrong} of {rows.Count} sampled products have a featured that is neither \"true\", \"false\" nor a boolean: fix it at the source.");
            return [new(Name, title, CheckState.Red, [.. evidence, counts], Link) { Table = table }];
        }
        return booleans > 0
            ? [new(Name, title, CheckState.Amber,
                [$"{booleans} of {rows.Count} sampled products store featured as a boolean: the platform reads a boolean true as not featured. "
                    + "Repair featured encoding on the Migration page.", counts], Link) { Table = table }]
            : [new(Name, title, CheckState.Green, ["Every sampled product has creatorId, featured and status.", counts], Link) { Table = table }];
    }
}
