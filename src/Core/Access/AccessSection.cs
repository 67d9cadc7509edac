using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Access;

/// <summary>The verification report's access line: what each creator's token carries and what the platform decides.</summary>
public sealed class AccessSection(AccessCheckService access) : IVerificationSection
{
    public static readonly IReadOnlyList<string> Headers = ["creator", "cognito:groups", "custom:creatorId", "role", "verdict"];

    public string Name => "Creator access";
    public ConsoleScreen Link => ConsoleScreen.Creators;

    public async Task<IReadOnlyList<VerificationLine>> CheckAsync(CancellationToken ct)
    {
        AccessReport report;
        try
        {
            report = await access.CheckAsync(ct);
        }
        catch (Schema.TableMissingException)
        {
            return [new(Name, Name, CheckState.Red, ["CreatorsTable does not exist, so no creator can work yet."], ConsoleScreen.Tables)];
        }
        var rows = report.Creators.Select(c => (IReadOnlyList<string>)
        [
            c.Creator.Slug, c.Token?.GroupsClaim ?? "", c.Token?.CreatorId ?? "", c.Decision?.Role.ToString().ToLowerInvariant() ?? "",
            c.CanWork ? "can work" : $"cannot work: {c.Reason}",
        ]).ToList();
        var table = new EvidenceTable(Headers, rows);
        var title = $"{report.Active - report.Blocked.Count} of {report.Active} active creators can work";
        var evidence = report.AllActiveCanWork && report.Active > 0
            ? new List<string> { "Every active creator's token gives the creator role and its own creator id; userId-index finds it by sub." }
            : report.Blocked.Select(b => $"{b.Creator.Slug}: {b.Reason} {b.Fix}").DefaultIfEmpty("No active creator yet.").ToList();
        var state = report.AllActiveCanWork && report.Active > 0 ? CheckState.Green : CheckState.Red;
        return [new(Name, title, state, evidence, Link) { Table = table }];
    }
}
