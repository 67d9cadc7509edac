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
        var keys = ids.Where(id => id.Length > 0).Distinct().Select(id => new Dictionary<string, AttributeValue> { ["id"] = Attr.S(id) });
        var items = await BatchReader.GetAllAsync(dynamoDb, table, keys, "id, title, imageUrl", ct);
        var found = new Dictionary<string, ProductInfo>();
        foreach (var item in items)
        {
            var id = item["id"].S;
            found[id] = new ProductInfo(id, item.TryGetValue("title", out var t) ? t.S ?? id : id, item.TryGetValue("imageUrl", out var i) ? i.S : null);
        }
        return found;
    }
}
