using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Rollback;

/// <summary>Point-in-time recovery of each platform table (DESIGN.md: every table has it). In the sandbox, one line saying it is not available here.</summary>
public sealed class PitrSection(PitrService pitr, PlatformSchema schema, AwsContext aws) : IVerificationSection
{
    public const string Section = "Point-in-time recovery";
    public string Name => Section;
    public ConsoleScreen Link => ConsoleScreen.Tables;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        if (aws.IsSandbox) return [new(Section, "Point-in-time recovery", CheckState.NotCovered, [PitrService.NotAvailableHere], Link)];
        var tables = await Task.WhenAll(schema.Tables.Where(t => !t.OwnedByConsole).Select(t => pitr.ReadAsync(t.Name, ct)));
        return tables.Select(t => new VerificationLine(Section, $"{t.Table} point-in-time recovery", t.State switch
        {
            PitrState.Enabled => CheckState.Green,
            PitrState.Disabled => CheckState.Red,
            _ => CheckState.Amber,
        }, [t.Detail], Link)).ToList();
    }
}
