using Amazon.DynamoDBv2.Model;
using Bogus;
using CreatorPlatform.Core;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// Realistic pre-rollout products (no creatorId, featured or status), the same for a given seed on every machine.
/// </summary>
public static class LegacyProducts
{
    private static readonly string[] Categories = ["home-decor", "kitchen", "fashion", "beauty", "garden", "fitness", "travel", "tech", "kids", "books"];
    private static readonly DateTimeOffset Epoch = new(2026, 11, 1, 0, 0, 0, TimeSpan.Zero);

    public static IEnumerable<Dictionary<string, AttributeValue>> Generate(int count, int seed)
    {
        var faker = new Faker { Random = new Randomizer(seed) };
        for (var i = 0; i < count; i++)
            yield return One(faker);
    }

    private static Dictionary<string, AttributeValue> One(Faker f)
    {
        var asin = "B0" + f.Random.String2(8, "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789");
        var created = Epoch.AddDays(-f.Random.Double(1, 720));
        var updated = created.AddDays(f.Random.Double(0, 30));
        var category = f.PickRandom(Categories);
        var item = new Dictionary<string, AttributeValue>
        {
            ["id"] = S(f.Random.Guid().ToString()),
            ["title"] = S(f.Commerce.ProductName()),
            ["description"] = S(f.Commerce.ProductDescription()),
            ["category"] = S(category),
            ["imageUrl"] = S($"https://images.example.com/products/{asin.ToLowerInvariant()}.jpg"),
            ["amazonLink"] = S($"https://www.amazon.com/dp/{asin}?tag=jesskoufo-20"),
            ["tags"] = new AttributeValue { L = f.Make(f.Random.Int(1, 4), () => f.Commerce.ProductAdjective().ToLowerInvariant()).Distinct().Select(S).ToList() },
            ["published"] = S(f.Random.Bool(0.85f) ? "true" : "false"),
            ["createdAt"] = S(created.ToString("yyyy-MM-ddTHH:mm:ss.fffZ")),
            ["updatedAt"] = S(updated.ToString("yyyy-MM-ddTHH:mm:ss.fffZ")),
        };
        if (f.Random.Bool(0.8f)) item["price"] = S("$" + f.Commerce.Price(5, 250));
        if (f.Random.Bool(0.7f)) item["asin"] = S(asin);
        return item;
    }

    private static AttributeValue S(string value) => new() { S = value };
}
