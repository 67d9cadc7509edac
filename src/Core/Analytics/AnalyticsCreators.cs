using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;

namespace CreatorPlatform.Core.Analytics;

/// <summary>What analytics needs of a creator.</summary>
public sealed record CreatorRef(string Id, string Slug, string DisplayName);

/// <summary>The creators analytics reports on, through the creators feature's own reads; none while CreatorsTable is missing.</summary>
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

    /// <summary>Finds a creator through slug-index, as the platform does (DESIGN.md trap 6).</summary>
    public async Task<CreatorRef?> FindBySlugAsync(string slug, CancellationToken ct)
    {
        try
        {
            return (await store.FindBySlugAsync(slug, ct)).Select(Ref).FirstOrDefault();
        }
        catch (ResourceNotFoundException)
        {
            return null;
        }
    }

    private static CreatorRef Ref(Creator c) => new(c.Id, c.Slug, c.DisplayName);
}
