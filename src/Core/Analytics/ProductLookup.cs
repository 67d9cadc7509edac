using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics;

public sealed record ProductInfo(string Id, string Title, string? ImageUrl);

/// <summary>Product titles and images for top-product lists, by BatchGetItem (100 keys a call).</summary>
public sealed class ProductLookup(IAmazonDynamoDB dynamoDb, IOptions<PlatformOptions> options)
{
    public async Task<IReadOnlyDictionary<string, ProductInfo>> GetAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var table = options.Value.Tables.Products;
        var found = new Dictionary<string, ProductInfo>();
        foreach (var chunk in ids.Where(id => id.Length > 0).Distinct().Chunk(100))
        {
            var pending = new Dictionary<string, KeysAndAttributes>
            {
                [table] = new()
                {
                    Keys = chunk.Select(id => new Dictionary<string, AttributeValue> { ["id"] = new() { S = id } }).ToList(),
                    ProjectionExpression = "id, title, imageUrl",
                },
            };
            for (var attempt = 0; pending.Count > 0; attempt++)
            {
                if (attempt > 0) await AwsRetry.UnprocessedBackoffAsync(attempt, pending.Values.Sum(v => v.Keys?.Count ?? 0), "keys", ct);
                var response = await dynamoDb.BatchGetItemAsync(new BatchGetItemRequest { RequestItems = pending }, ct);
                foreach (var item in response.Responses?.GetValueOrDefault(table) ?? [])
                {
                    var id = item["id"].S;
                    found[id] = new ProductInfo(id, item.TryGetValue("title", out var t) ? t.S ?? id : id, item.TryGetValue("imageUrl", out var i) ? i.S : null);
                }
                pending = response.UnprocessedKeys is { Count: > 0 } left ? left : [];
            }
        }
        return found;
    }
}
