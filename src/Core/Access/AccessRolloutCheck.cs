using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Access;

/// <summary>Step 8.4, after the guide's 8.3: every active creator can work, as the platform's own code decides.</summary>
public sealed class CreatorsCanWorkCheck(AccessCheckService access) : IRolloutCheck
{
    public const string StepId = "8.4";
    public const string Title = "Creators can work on the platform";

    public string Step => StepId;

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        AccessReport report;
        try
        {
            report = await access.CheckAsync(ct);
        }
        catch (Schema.TableMissingException)
        {
            return Result(CheckState.Red, "There are no creators yet (the migration creates the default creator).");
        }
        if (report.Active == 0) return Result(CheckState.Red, "No active creator yet.");
        var blocked = report.Blocked;
        return blocked.Count == 0
            ? Result(CheckState.Green, $"All {report.Active} active creators get the creator role and their creator id from their token.")
            : Result(CheckState.Red, $"{blocked.Count} of {report.Active} active creators cannot work: {blocked[0].Creator.Slug}: {blocked[0].Reason}");
    }

    private static CheckResult Result(CheckState state, string detail) => new(StepId, Title, state, detail, ConsoleScreen.Creators);
}
