using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>A line of the creators list.</summary>
public sealed record CreatorRow(Creator Creator, int Products, CreatorLinkage Linkage);

/// <summary>The creator page: the record, its newest products, its linkage, and whether its user is in the group.</summary>
public sealed record CreatorDetails(Creator Creator, int ProductCount, IReadOnlyList<CreatorProduct> Products, CreatorLinkage Linkage, bool GroupExists);

/// <summary>What the creators screens show, read in one go per view.</summary>
public sealed class CreatorOverview(CreatorDirectory directory, LinkageService linkage, TableReads reads, PlatformSchema schema)
{
    /// <summary>Every creator with its product count and linkage; throws <see cref="TableMissingException"/> before the schema is applied.</summary>
    public Task<IReadOnlyList<CreatorRow>> ListAsync(CancellationToken ct) =>
        reads.ReadAsync([schema.Creators.Name, schema.Products.Name], () => ReadListAsync(ct), ct);

    private async Task<IReadOnlyList<CreatorRow>> ReadListAsync(CancellationToken ct)
    {
        var creators = await directory.ListAllAsync(ct);
        var pool = await linkage.SnapshotAsync(ct);
        using var gate = new SemaphoreSlim(4);
        return await Task.WhenAll(creators.Select(async c =>
        {
            await gate.WaitAsync(ct);
            try { return new CreatorRow(c, await directory.CountProductsAsync(c.Id, ct), linkage.Assess(c, pool)); }
            finally { gate.Release(); }
        }));
    }

    public async Task<CreatorDetails> GetAsync(string slug, CancellationToken ct)
    {
        var creator = await linkage.SingleBySlugAsync(slug, ct);
        var pool = await linkage.SnapshotAsync(ct);
        return new(creator, await directory.CountProductsAsync(creator.Id, ct), await directory.ListProductsAsync(creator.Id, 25, ct),
            linkage.Assess(creator, pool), pool.GroupExists);
    }
}
