namespace CreatorPlatform.Core.Schema;

public enum FindingSeverity { Info, Warning, Error }

/// <summary>A difference between the live platform and the expected schema, or a reason it could not be read.</summary>
public sealed record Finding(FindingSeverity Severity, string Table, string? Index, string Message, string? Action = null);

public sealed record IndexStatus(string Name, bool Exists, string? Status, bool Backfilling, long? ItemCount, bool AddedByRollout);

public sealed record TableStatus(
    TableSpec Spec,
    bool Exists,
    string? Status,
    long? ItemCount,
    long? SizeBytes,
    string? BillingMode,
    string? TtlState,
    IReadOnlyList<IndexStatus> Indexes,
    IReadOnlyList<Finding> Findings)
{
    /// <summary>Set when the table could not be read at all (not permitted, unreachable): its absence is unknown.</summary>
    public string? ReadError { get; init; }
    /// <summary>Why the table could not be read, and what to do about it.</summary>
    public Troubleshooting.Trouble? Trouble { get; init; }
    public bool IsActive => Status == "ACTIVE" && Indexes.Where(i => i.Exists).All(i => i.Status == "ACTIVE" && !i.Backfilling);
    /// <summary>CREATING, UPDATING, or an index still building: worth watching.</summary>
    public bool InTransition => Exists && (Status is "CREATING" or "UPDATING" or "DELETING"
        || Indexes.Any(i => i.Exists && (i.Status != "ACTIVE" || i.Backfilling)));
}

public sealed record PlatformStatus(IReadOnlyList<TableStatus> Tables, DateTimeOffset ReadAt)
{
    public IEnumerable<Finding> Findings => Tables.SelectMany(t => t.Findings);
    public bool HasErrors => Findings.Any(f => f.Severity == FindingSeverity.Error);
    public bool InTransition => Tables.Any(t => t.InTransition);
    public TableStatus this[string logicalName] => Tables.Single(t => t.Spec.LogicalName == logicalName);

    /// <summary>DynamoDB refreshes ItemCount and TableSizeBytes about every six hours, so they lag behind writes.</summary>
    public const string CountsNote = "Item counts and sizes are refreshed by DynamoDB about every six hours.";
}
