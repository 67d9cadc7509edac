using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Verification;

/// <summary>"Verify Products Have CreatorId": a few products with id, creatorId, featured and status, as the guide's table.</summary>
public sealed class ProductSampleSection(IAmazonDynamoDB dynamoDb, PlatformSchema schema, Troubleshooting.Troubleshooter troubleshooter, IOptions<PlatformOptions> options) : IVerificationSection
{
    public static readonly IReadOnlyList<string> Headers = ["id", "creatorId", "featured", "status"];
    public string Name => "Products sample";
    public string Link => "/migration";

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
            return [new(Name, Name, CheckState.Red, [$"{schema.Products.Name} does not exist."], "/tables") { Trouble = troubleshooter.TableMissing(schema.Products.Name) }];
        }
        var items = response.Items ?? [];
        var rows = items.Select(i => (IReadOnlyList<string>)
        [
            i.GetValueOrDefault("id")?.S ?? "?", i.GetValueOrDefault("creatorId")?.S ?? "None",
            i.GetValueOrDefault("featured")?.BOOL is { } f ? (f ? "True" : "False") : "None", i.GetValueOrDefault("status")?.S ?? "None",
        ]).ToList();
        var incomplete = rows.Count(r => r.Skip(1).Contains("None"));
        var title = $"{rows.Count} products from {schema.Products.Name}";
        var table = new EvidenceTable(Headers, rows);
        if (rows.Count == 0) return [new(Name, title, CheckState.Amber, [$"{schema.Products.Name} has no products to sample."], Link)];
        return incomplete == 0
            ? [new(Name, title, CheckState.Green, ["Every sampled product has creatorId, featured and status."], Link) { Table = table }]
            : [new(Name, title, CheckState.Red, [$"{incomplete} of {rows.Count} sampled products lack creatorId, featured or status: run the migration."], Link) { Table = table }];
    }
}
