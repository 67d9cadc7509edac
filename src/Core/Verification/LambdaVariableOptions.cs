namespace CreatorPlatform.Core.Verification;

/// <summary>
/// One environment variable the platform's functions read for a table: <see cref="Table"/> names the table in
/// <c>Platform:Tables</c> (Products, Creators, AnalyticsEvents, AnalyticsSummaries) it should hold, and
/// <see cref="Fallback"/> the literal name the code uses when the variable is unset (null: the code has none).
/// </summary>
public sealed class LambdaVariableOptions
{
    public string Name { get; set; } = "";
    public string Table { get; set; } = "";
    public string? Fallback { get; set; }

    /// <summary>
    /// The CDK's variables (backend-stack.ts 152-160), which the guide verifies, and the two the analytics functions
    /// actually read (analyticsTracking.ts 8 and friends), with the names they fall back to.
    /// </summary>
    public static IReadOnlyList<LambdaVariableOptions> Defaults { get; } =
    [
        new() { Name = "CREATORS_TABLE_NAME", Table = "Creators" },
        new() { Name = "ANALYTICS_EVENTS_TABLE_NAME", Table = "AnalyticsEvents" },
        new() { Name = "ANALYTICS_SUMMARIES_TABLE_NAME", Table = "AnalyticsSummaries" },
        new() { Name = "ANALYTICS_EVENTS_TABLE", Table = "AnalyticsEvents", Fallback = "AnalyticsEventsTable" },
        new() { Name = "ANALYTICS_SUMMARIES_TABLE", Table = "AnalyticsSummaries", Fallback = "AnalyticsSummariesTable" },
    ];

    /// <summary>The configured name of <see cref="Table"/>, or null when it names no table.</summary>
    public string? ConfiguredTable(TableNameOptions tables) => Table switch
    {
        "Products" => tables.Products,
        "Creators" => tables.Creators,
        "AnalyticsEvents" => tables.AnalyticsEvents,
        "AnalyticsSummaries" => tables.AnalyticsSummaries,
        _ => null,
    };
}
