using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Analytics;

/// <summary>What analytics needs of a creator.</summary>
public sealed record CreatorRef(string Id, string Slug, string DisplayName);

/// <summary>The creators analytics reports on, through the creators feature's own reads; the list is empty while CreatorsTable is missing.</summary>
public sealed class AnalyticsCreators(CreatorDirectory directory, CreatorStore store)
{
    public async Task<IReadOnlyList<CreatorRef>> ListCreatorsAsync(CancellationToken ct)
    {
        try
        {
            return (await directory.ListAllAsync(ct)).Select(Ref).ToList();
        }
        catch (ResourceNotFoundException)
        {
            return [];
        }
    }

    /// <summary>
    /// Finds a creator through slug-index, as the platform does (DESIGN.md trap 6). A missing CreatorsTable is not
    /// "no such creator": DynamoDB's error goes up, for the caller's TableReads to name the table.
    /// </summary>
    public async Task<CreatorRef?> FindBySlugAsync(string slug, CancellationToken ct) =>
        (await store.FindBySlugAsync(slug, ct)).Select(Ref).FirstOrDefault();

    private static CreatorRef Ref(Creator c) => new(c.Id, c.Slug, c.DisplayName);
}
