using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Creators;

/// <summary>A line of the creators list.</summary>
public sealed record CreatorRow(Creator Creator, CreatorLinkage Linkage);

/// <summary>What the creators list asks for: a search (slug, username or e-mail), a status, and the page after <see cref="Cursor"/>.</summary>
public sealed record CreatorListQuery(string? Search = null, string? Status = null, string? Cursor = null)
{
    public const int PageSize = 50;
}

/// <summary>One page of the list; <see cref="Next"/> is the cursor of the page after it, null on the last.</summary>
public sealed record CreatorListPage(IReadOnlyList<CreatorRow> Rows, string? Next, bool GroupExists);

/// <summary>The creator page: the record, its newest products, its linkage, and whether its user is in the group.</summary>
public sealed record CreatorDetails(Creator Creator, int ProductCount, IReadOnlyList<CreatorProduct> Products, CreatorLinkage Linkage, bool GroupExists)
{
    /// <summary>The creator has more products than <see cref="ProductCount"/>, where the count stopped.</summary>
    public bool MoreProducts { get; init; }
}

/// <summary>
/// What the creators screens show, each view a fixed number of requests whatever the number of creators and users:
/// a page of the list by key, each row's linkage by key. Platform-wide figures come from the platform walk, a job.
/// </summary>
public sealed class CreatorOverview(CreatorDirectory directory, CreatorStore store, CognitoUsers users, LinkageService linkage, CreatorsGroupService group,
    TableReads reads, PlatformSchema schema)
{
    /// <summary>The creator page counts products up to this many, in one Query.</summary>
    public const int ProductCountCap = 1000;
    private const int Parallelism = 8;

    /// <summary>One page of creators with their linkage; throws <see cref="TableMissingException"/> before the schema is applied.</summary>
    public Task<CreatorListPage> ListAsync(CreatorListQuery query, CancellationToken ct) =>
        reads.ReadAsync([schema.Creators.Name], () => ReadPageAsync(query, ct), ct);

    private async Task<CreatorListPage> ReadPageAsync(CreatorListQuery query, CancellationToken ct)
    {
        var exists = group.GetStateAsync(ct);
        var (creators, next) = string.IsNullOrWhiteSpace(query.Search)
            ? await directory.ListPageAsync(query.Status, query.Cursor, CreatorListQuery.PageSize, ct)
            : (await SearchAsync(query.Search.Trim(), query.Status, ct), null);
        var groupExists = (await exists).Exists;
        var rows = new CreatorRow[creators.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, creators.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => rows[i] = new CreatorRow(creators[i], await linkage.AssessAsync(creators[i], groupExists, token)));
        return new(rows.OrderBy(r => r.Creator.Slug, StringComparer.Ordinal).ToList(), next, groupExists);
    }

    /// <summary>The creator with the slug (slug-index), and those whose user's Username or e-mail starts with the text (one ListUsers page, then userId-index).</summary>
    private async Task<IReadOnlyList<Creator>> SearchAsync(string text, string? status, CancellationToken ct)
    {
        var bySlug = text.Contains('@') ? Task.FromResult<IReadOnlyList<Creator>>([]) : store.FindBySlugAsync(text.ToLowerInvariant(), ct);
        var matches = await users.SearchAsync(text, CreatorListQuery.PageSize, ct);
        var byUser = new List<Creator>[matches.Count];
        await Parallel.ForEachAsync(Enumerable.Range(0, matches.Count), new ParallelOptions { MaxDegreeOfParallelism = Parallelism, CancellationToken = ct },
            async (i, token) => byUser[i] = matches[i].Sub.Length == 0 ? [] : [.. await directory.FindByUserIdAsync(matches[i].Sub, token)]);
        return (await bySlug).Concat(byUser.SelectMany(c => c)).DistinctBy(c => c.Id)
            .Where(c => status is null || c.Status == status).Take(CreatorListQuery.PageSize).ToList();
    }

    /// <summary>
    /// Throws <see cref="CreatorNotFoundException"/> when no creator has the slug, and <see cref="TableMissingException"/>
    /// before the schema is applied (CreatorsTable, or ProductsTable under another name).
    /// </summary>
    public Task<CreatorDetails> GetAsync(string slug, CancellationToken ct) =>
        reads.ReadAsync([schema.Creators.Name, schema.Products.Name], () => ReadCreatorAsync(slug, ct), ct);

    private async Task<CreatorDetails> ReadCreatorAsync(string slug, CancellationToken ct)
    {
        var exists = group.GetStateAsync(ct);
        var creator = await linkage.SingleBySlugAsync(slug, ct);
        var count = directory.CountProductsAsync(creator.Id, ProductCountCap, ct);
        var products = directory.ListProductsAsync(creator.Id, 25, ct);
        var groupExists = (await exists).Exists;
        var state = await linkage.AssessAsync(creator, groupExists, ct);
        var (n, more) = await count;
        return new(creator, n, await products, state, groupExists) { MoreProducts = more };
    }
}
