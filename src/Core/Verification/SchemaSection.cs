using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Troubleshooting;

namespace CreatorPlatform.Core.Verification;

/// <summary>"Verify Tables Created": each platform table and its status, then its indexes and time to live.</summary>
public sealed class SchemaSection(SchemaStatusService status, PlatformSchema schema, Troubleshooter troubleshooter) : IVerificationSection
{
    public const string Tables = "Tables", Indexes = "Indexes and TTL";
    public string Name => Tables;
    public ConsoleScreen Link => ConsoleScreen.Tables;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        var tables = await Task.WhenAll(schema.Tables.Where(t => !t.OwnedByConsole).Select(t => status.ReadAsync(t, ct)));
        return [.. tables.Select(TableLine), .. tables.Where(t => t.Exists).SelectMany(IndexLines)];
    }

    private VerificationLine TableLine(TableStatus t)
    {
        var title = t.Spec.Name;
        if (t.ReadError is not null) return new(Tables, title, CheckState.Amber, [$"Could not be checked: {t.ReadError}"], Link) { Trouble = t.Trouble };
        if (!t.Exists) return new(Tables, title, CheckState.Red, [$"Table {t.Spec.Name} does not exist."], Link) { Trouble = troubleshooter.TableMissing(t.Spec.Name) };
        var evidence =
            $"{t.Status} · {t.BillingMode} · {t.ItemCount?.ToString("N0") ?? "?"} items · indexes: " +
                $"{(t.Indexes.Count == 0 ? "none" : string.Join(", ", t.Indexes.Where(i => i.Exists).Select(i => i.Name)))}";
        return t.Status == "ACTIVE"
            ? new(Tables, title, CheckState.Green, [evidence], Link)
            : new(Tables, title, CheckState.Amber, [evidence, $"The table is {t.Status}, not ACTIVE yet: check again shortly."], Link);
    }

    private IEnumerable<VerificationLine> IndexLines(TableStatus t)
    {
        if (t.Spec.Indexes.Count > 0)
        {
            var evidence = t.Indexes.Select(i => $"{i.Name}: {(i.Exists ? i.Status + (i.Backfilling ? " (backfilling)" : "") : "MISSING")}").ToList();
            var missing = t.Indexes.Where(i => !i.Exists).Select(i => i.Name).ToList();
            var building = t.Indexes.Any(i => i.Exists && (i.Status != "ACTIVE" || i.Backfilling));
            var state = missing.Count > 0 ? CheckState.Red : building ? CheckState.Amber : CheckState.Green;
            if (missing.Count > 0) evidence.Add($"Missing: {string.Join(", ", missing)}. {t.Findings.FirstOrDefault(f => f.Index == missing[0])?.Action}");
            else if (building) evidence.Add("Still building: the index cannot serve queries until it is ACTIVE.");
            yield return new(Indexes, $"{t.Spec.Name} indexes", state, evidence, Link);
        }
        if (t.Spec.TtlAttribute is { } attribute)
        {
            var enabled = t.TtlState?.StartsWith("ENABL", StringComparison.Ordinal) == true;
            yield return new(Indexes, $"{t.Spec.Name} time to live", enabled ? CheckState.Green : CheckState.Red,
                enabled ? [$"TTL {t.TtlState}"] : [$"TTL is {t.TtlState ?? "unknown"}; expected ENABLED on '{attribute}' (events expire after 90 days)."], Link);
        }
    }
}
