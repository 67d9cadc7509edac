using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Analytics;

/// <summary>The platform's tables for one test, and small writers for creators, products, events and summaries.</summary>
internal sealed class AnalyticsTables(IServiceProvider services)
{
    private readonly IAmazonDynamoDB dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
    private readonly PlatformSchema schema = services.GetRequiredService<PlatformSchema>();

    public static readonly DateOnly Today = DateOnly.FromDateTime(DateTime.UtcNow);

    public static async Task<AnalyticsTables> CreateAsync(IServiceProvider services)
    {
        var tables = new AnalyticsTables(services);
        foreach (var spec in new[] { tables.schema.Products, tables.schema.Creators, tables.schema.AnalyticsEvents, tables.schema.AnalyticsSummaries, tables.schema.Ops })
            await tables.dynamoDb.CreateTableAsync(TableRequests.Create(spec));
        return tables;
    }

    public async Task<CreatorRef> AddCreatorAsync(string slug)
    {
        var creator = new CreatorRef(Guid.NewGuid().ToString(), slug, slug.ToUpperInvariant());
        await dynamoDb.PutItemAsync(schema.Creators.Name, new Dictionary<string, AttributeValue>
        {
            ["id"] = new() { S = creator.Id }, ["slug"] = new() { S = slug }, ["displayName"] = new() { S = creator.DisplayName },
        });
        return creator;
    }

    public Task AddProductAsync(string id, string title) => dynamoDb.PutItemAsync(schema.Products.Name, new Dictionary<string, AttributeValue>
    {
        ["id"] = new() { S = id }, ["title"] = new() { S = title }, ["imageUrl"] = new() { S = $"https://images.example.com/{id}.jpg" },
    });

    /// <summary>Events of one day, one second apart from 10:00 UTC, in the order given.</summary>
    public async Task AddEventsAsync(CreatorRef creator, DateOnly day, params (string Type, string? Product)[] events)
    {
        var start = new DateTimeOffset(day.ToDateTime(new TimeOnly(10, 0)), TimeSpan.Zero);
        var items = events.Select((e, i) => AnalyticsEventMapper.ToItem(new AnalyticsEvent(creator.Id,
            AnalyticsEvent.FormatTimestamp(start.AddSeconds(i)), Guid.NewGuid().ToString(), e.Type, e.Product, AnalyticsEvent.TtlFor(start))));
        await BatchWriter.PutAllAsync(dynamoDb, schema.AnalyticsEvents.Name, items, CancellationToken.None);
    }

    public Task AddSummaryAsync(DailySummary summary) =>
        dynamoDb.PutItemAsync(schema.AnalyticsSummaries.Name, DailySummaryMapper.ToItem(summary));

    /// <summary>Every summary item as text, in key order: equal strings mean an equal table.</summary>
    public async Task<IReadOnlyList<string>> DumpSummariesAsync()
    {
        var items = (await dynamoDb.ScanAsync(new ScanRequest { TableName = schema.AnalyticsSummaries.Name })).Items ?? [];
        return items.Select(DailySummaryMapper.FromItem)
            .Select(s => $"{s.CreatorId} {s.Date} {s.PageViews}/{s.ProductViews}/{s.AffiliateClicks} [{string.Join(",", s.TopProducts)}]")
            .Order(StringComparer.Ordinal).ToList();
    }

    public static (string, string?)[] Repeat(string type, string? product, int count) =>
        Enumerable.Repeat<(string, string?)>((type, product), count).ToArray();
}
