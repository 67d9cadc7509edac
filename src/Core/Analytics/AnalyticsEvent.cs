using System.Globalization;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Analytics;

public static class EventTypes
{
    public const string PageView = "page_view";
    public const string ProductView = "product_view";
    public const string AffiliateClick = "affiliate_click";
}

/// <summary>One row of AnalyticsEventsTable (key creatorId + timestamp; TTL on <c>ttl</c>).</summary>
public sealed record AnalyticsEvent(string CreatorId, string Timestamp, string Id, string EventType, string? ProductId, long? Ttl)
{
    public const string TimestampFormat = "yyyy-MM-ddTHH:mm:ss.fffZ";

    /// <summary>The platform keeps events for 90 days: <c>ttl</c> is the event's time plus this, in epoch seconds.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromDays(90);

    public static string FormatTimestamp(DateTimeOffset at) => at.UtcDateTime.ToString(TimestampFormat, CultureInfo.InvariantCulture);

    public static long TtlFor(DateTimeOffset at) => (at + Retention).ToUnixTimeSeconds();

    /// <summary>The UTC day of the event, from the ISO-8601 timestamp's date part.</summary>
    public DateOnly Day => DateOnly.ParseExact(Timestamp.AsSpan(0, 10), "yyyy-MM-dd", CultureInfo.InvariantCulture);
}

/// <summary>Owns the AttributeValue dictionaries of AnalyticsEventsTable.</summary>
public static class AnalyticsEventMapper
{
    public static Dictionary<string, AttributeValue> ToItem(AnalyticsEvent e, EventMetadata? metadata = null)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["creatorId"] = new() { S = e.CreatorId },
            ["timestamp"] = new() { S = e.Timestamp },
            ["id"] = new() { S = e.Id },
            ["eventType"] = new() { S = e.EventType },
        };
        if (e.ProductId is not null) item["productId"] = new() { S = e.ProductId };
        if (e.Ttl is { } ttl) item["ttl"] = new() { N = ttl.ToString(CultureInfo.InvariantCulture) };
        if (metadata is not null)
            item["metadata"] = new() { M = new()
            {
                ["userAgent"] = new() { S = metadata.UserAgent },
                ["referrer"] = new() { S = metadata.Referrer },
                ["location"] = new() { S = metadata.Location },
            } };
        return item;
    }

    public static AnalyticsEvent FromItem(Dictionary<string, AttributeValue> item) => new(
        Str(item, "creatorId") ?? "",
        Str(item, "timestamp") ?? "",
        Str(item, "id") ?? "",
        Str(item, "eventType") ?? "",
        Str(item, "productId"),
        item.TryGetValue("ttl", out var ttl) && long.TryParse(ttl.N, CultureInfo.InvariantCulture, out var t) ? t : null);

    /// <summary>
    /// What aggregation reads of an event: its time, type and product. The creator is the query's key; the id, the ttl
    /// and the metadata map are never read back, and every attribute left out is one the emulator and the client do not
    /// serialize a million times over (DynamoDB Local's CPU per event is most of a rebuild's cost).
    /// </summary>
    public const string Projection = "#ts, eventType, productId";
    public static readonly Dictionary<string, string> ProjectionNames = new() { ["#ts"] = "timestamp" };

    /// <summary>An event as read with <see cref="Projection"/> from <paramref name="creatorId"/>'s partition: no id and no ttl.</summary>
    public static AnalyticsEvent FromProjected(string creatorId, Dictionary<string, AttributeValue> item) =>
        new(creatorId, Str(item, "timestamp") ?? "", "", Str(item, "eventType") ?? "", Str(item, "productId"), null);

    private static string? Str(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) ? v.S : null;
}

public sealed record EventMetadata(string UserAgent, string Referrer, string Location);
