using CreatorPlatform.Core;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>Table statuses as SchemaStatusService reports them, for rendering tests.</summary>
public static class StatusBuilder
{
    public static readonly PlatformSchema Schema = new(Options.Create(new PlatformOptions()));

    public static TableStatus Products(string creatorIdIndex = "ACTIVE", bool backfilling = false, params Finding[] findings) =>
        new(Schema.Products, true, "ACTIVE", 300, 135_000, "PAY_PER_REQUEST", "DISABLED",
        [
            new("category-createdAt-index", true, "ACTIVE", false, 300, false),
            new("published-createdAt-index", true, "ACTIVE", false, 300, false),
            new("creatorId-index", creatorIdIndex != "MISSING", creatorIdIndex == "MISSING" ? null : creatorIdIndex, backfilling, 12, true),
            new("status-index", false, null, false, null, true),
        ], findings);

    public static TableStatus Missing(TableSpec spec) =>
        new(spec, false, null, null, null, null, null, [], [new(FindingSeverity.Error, spec.Name, null, $"Table {spec.Name} does not exist.", "Use Apply schema.")]);
}
