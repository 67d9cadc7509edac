using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Schema;

public sealed record KeySpec(string Name, string Type = "S");

public sealed record IndexSpec(string Name, KeySpec Hash, KeySpec? Range = null)
{
    /// <summary>True for the indexes that the multi-creator rollout adds to an existing table.</summary>
    public bool AddedByRollout { get; init; }
}

public sealed record TableSpec(string LogicalName, string Name, KeySpec Hash, KeySpec? Range, IReadOnlyList<IndexSpec> Indexes, string? TtlAttribute)
{
    /// <summary>The console's own table: created by the console, never part of the platform's stack.</summary>
    public bool OwnedByConsole { get; init; }
    /// <summary>Existed before the rollout; the rollout only adds indexes to it.</summary>
    public bool PreRollout { get; init; }
}

/// <summary>The schema the platform should have after the rollout, from the deployment guide, in one place.</summary>
public sealed class PlatformSchema(IOptions<PlatformOptions> options)
{
    public const string CategoryIndex = "category-createdAt-index";
    public const string PublishedIndex = "published-createdAt-index";
    public const string CreatorIdIndex = "creatorId-index";
    public const string StatusIndex = "status-index";
    public const string SlugIndex = "slug-index";
    public const string UserIdIndex = "userId-index";

    private TableNameOptions Names => options.Value.Tables;

    public TableSpec Products => new("Products", Names.Products, new("id"), null,
    [
        new(CategoryIndex, new("category"), new("createdAt")),
        new(PublishedIndex, new("published"), new("createdAt")),
        new(CreatorIdIndex, new("creatorId"), new("createdAt")) { AddedByRollout = true },
        new(StatusIndex, new("status"), new("createdAt")) { AddedByRollout = true },
    ], null) { PreRollout = true };

    public TableSpec Creators => new("Creators", Names.Creators, new("id"), null,
        [new(SlugIndex, new("slug")), new(UserIdIndex, new("userId"))], null);

    public TableSpec AnalyticsEvents => new("AnalyticsEvents", Names.AnalyticsEvents, new("creatorId"), new("timestamp"), [], "ttl");

    public TableSpec AnalyticsSummaries => new("AnalyticsSummaries", Names.AnalyticsSummaries, new("creatorId"), new("date"), [], null);

    public TableSpec Ops => new("Ops", Names.Ops, new("pk"), new("sk"), [], "expiresAt") { OwnedByConsole = true };

    /// <summary>The platform's tables in the guide's order, then the console's own.</summary>
    public IReadOnlyList<TableSpec> Tables => [Products, Creators, AnalyticsEvents, AnalyticsSummaries, Ops];

    /// <summary>The pre-rollout ProductsTable: what the sandbox provisions, and what the platform had before step 4.</summary>
    public TableSpec LegacyProducts => Products with { Indexes = Products.Indexes.Where(i => !i.AddedByRollout).ToList() };
}
