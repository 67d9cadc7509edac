using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Analytics;

/// <summary>What analytics needs of a creator.</summary>
public sealed record CreatorRef(string Id, string Slug, string DisplayName);

/// <summary>
/// The creators analytics reports on, read from CreatorsTable. Only id, slug and displayName: the full creator
/// record and its mapper live in Creators/ and replace this read when the branches meet.
/// </summary>
public sealed class AnalyticsCreators(IAmazonDynamoDB dynamoDb, IOptions<PlatformOptions> options)
{
    private string Table => options.Value.Tables.Creators;

    /// <summary>Every creator, by slug. A Scan, acceptable for the small CreatorsTable; empty when the table is missing.</summary>
    public async Task<IReadOnlyList<CreatorRef>> ListCreatorsAsync(CancellationToken ct)
    {
        var request = new ScanRequest
        {
            TableName = Table,
            ProjectionExpression = "id, slug, displayName",
        };
        var creators = new List<CreatorRef>();
        try
        {
            do
            {
                var page = await dynamoDb.ScanAsync(request, ct);
                creators.AddRange((page.Items ?? []).Select(FromItem));
                request.ExclusiveStartKey = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            } while (request.ExclusiveStartKey is not null);
        }
        catch (ResourceNotFoundException)
        {
            return [];
        }
        return creators.OrderBy(c => c.Slug, StringComparer.Ordinal).ToList();
    }

    /// <summary>Finds a creator through slug-index, as the platform does (DESIGN.md trap 6).</summary>
    public async Task<CreatorRef?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        try
        {
            var response = await dynamoDb.QueryAsync(new QueryRequest
            {
                TableName = Table,
                IndexName = PlatformSchema.SlugIndex,
                KeyConditionExpression = "slug = :s",
                ExpressionAttributeValues = new() { [":s"] = new() { S = slug } },
            }, ct);
            return (response.Items ?? []).Select(FromItem).FirstOrDefault();
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static CreatorRef FromItem(Dictionary<string, AttributeValue> item)
    {
        var id = item.TryGetValue("id", out var i) ? i.S ?? "" : "";
        var slug = item.TryGetValue("slug", out var s) ? s.S ?? id : id;
        var name = item.TryGetValue("displayName", out var n) ? n.S ?? slug : slug;
        return new CreatorRef(id, slug, name);
    }
}
