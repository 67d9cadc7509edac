using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Rollout;

/// <summary>Steps 4 and 5: the tables exist, and every index is ACTIVE.</summary>
public sealed class TablesCreatedCheck(SchemaStatusService status, PlatformSchema schema) : IRolloutCheck
{
    public string Step => "4";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var tables = await Task.WhenAll(schema.Tables.Where(t => !t.OwnedByConsole).Select(t => status.ReadAsync(t, ct)));
        var unreadable = tables.FirstOrDefault(t => t.ReadError is not null);
        if (unreadable is not null) return Result(CheckState.Amber, unreadable.ReadError!);
        var missing = tables.Where(t => !t.Exists).Select(t => t.Spec.Name).ToList();
        return missing.Count == 0
            ? Result(CheckState.Green, $"All {tables.Length} platform tables exist.")
            : Result(CheckState.Red, $"Missing: {string.Join(", ", missing)}.");
    }

    private CheckResult Result(CheckState state, string detail) => new(Step, "Tables created", state, detail, ConsoleScreen.Tables);
}

public sealed class IndexesActiveCheck(SchemaStatusService status, PlatformSchema schema) : IRolloutCheck
{
    public string Step => "5";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var tables = await Task.WhenAll(schema.Tables.Where(t => t.Indexes.Count > 0).Select(t => status.ReadAsync(t, ct)));
        var indexes = tables.SelectMany(t => t.Indexes.Select(i => (Table: t, Index: i))).ToList();
        var missing = indexes.Where(x => !x.Index.Exists).Select(x => x.Index.Name).ToList();
        var building = indexes.Where(x => x.Index.Exists && (x.Index.Status != "ACTIVE" || x.Index.Backfilling)).Select(x => $"{x.Index.Name} ({x.Index.Status})").ToList();
        if (tables.Any(t => t.ReadError is not null)) return Result(CheckState.Amber, tables.First(t => t.ReadError is not null).ReadError!);
        if (missing.Count > 0) return Result(CheckState.Red, $"Missing: {string.Join(", ", missing)}.");
        if (building.Count > 0) return Result(CheckState.Amber, $"Still building: {string.Join(", ", building)}.");
        return Result(CheckState.Green, $"All {indexes.Count} indexes are ACTIVE.");
    }

    private CheckResult Result(CheckState state, string detail) => new(Step, "Indexes active", state, detail, ConsoleScreen.Tables);
}
