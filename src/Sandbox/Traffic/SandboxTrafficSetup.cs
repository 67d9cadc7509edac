using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Bogus;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Sandbox.Traffic;

/// <summary>
/// Sandbox only: the tables the traffic generator writes to, and sample creators when the sandbox has none yet.
/// The sample creators never take the default creator's slug, which the migration creates (DESIGN.md trap 1).
/// </summary>
internal sealed class SandboxTrafficSetup(IAmazonDynamoDB dynamoDb, PlatformSchema schema)
{
    public async Task<IReadOnlyList<string>> EnsureTablesAsync(CancellationToken ct)
    {
        var created = new List<string>();
        foreach (var spec in new[] { schema.Creators, schema.AnalyticsEvents, schema.AnalyticsSummaries })
        {
            try
            {
                await dynamoDb.DescribeTableAsync(spec.Name, ct);
                continue;
            }
            catch (ResourceNotFoundException) { }
            await dynamoDb.CreateTableAsync(TableRequests.Create(spec), ct);
            while ((await dynamoDb.DescribeTableAsync(spec.Name, ct)).Table.TableStatus?.Value != "ACTIVE")
                await Task.Delay(200, ct);
            if (spec.TtlAttribute is not null) await dynamoDb.UpdateTimeToLiveAsync(TableRequests.EnableTtl(spec), ct);
            created.Add(spec.Name);
        }
        return created;
    }

    public async Task<IReadOnlyList<CreatorRef>> CreateSampleCreatorsAsync(int count, int seed, DateTimeOffset now, CancellationToken ct)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        var creators = Enumerable.Range(0, count).Select(_ =>
        {
            var name = faker.Name.FullName();
            var slug = new string(name.ToLowerInvariant().Where(char.IsAsciiLetter).ToArray()) + "-sample";
            return new CreatorRef(faker.Random.Guid().ToString(), slug, name + " (sample)");
        }).DistinctBy(c => c.Slug).ToList();
        var stamp = AnalyticsEvent.FormatTimestamp(now);
        await Core.Aws.BatchWriter.PutAllAsync(dynamoDb, schema.Creators.Name, creators.Select(c => new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = c.Id },
            ["slug"] = new() { S = c.Slug },
            ["displayName"] = new() { S = c.DisplayName },
            ["bio"] = new() { S = "Sample creator made by the sandbox traffic generator." },
            ["status"] = new() { S = "active" },
            ["createdAt"] = new() { S = stamp },
            ["updatedAt"] = new() { S = stamp },
        }), ct);
        return creators;
    }

    /// <summary>Product ids from ProductsTable (a Scan: the sandbox's table is small); made-up ids when it is empty.</summary>
    public async Task<IReadOnlyList<string>> ProductIdsAsync(CancellationToken ct)
    {
        var ids = new List<string>();
        var request = new ScanRequest { TableName = schema.Products.Name, ProjectionExpression = "id" };
        try
        {
            await foreach (var page in dynamoDb.Paginators.Scan(request).Responses.WithCancellation(ct))
                ids.AddRange((page.Items ?? []).Select(i => i["id"].S));
        }
        catch (ResourceNotFoundException) { }
        ids.Sort(StringComparer.Ordinal);
        return ids.Count > 0 ? ids : Enumerable.Range(1, 200).Select(i => $"sandbox-product-{i:000}").ToList();
    }
}
