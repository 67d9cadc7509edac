using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Verification;

namespace CreatorPlatform.Core.Rollout;

/// <summary>
/// The guide's Verification section as the Verification page shows it: the newest stored report, its worst line and
/// its age. A migration's own check (completeness only) that is newer than the report can make the line worse, never
/// better: a green migration check does not clear a red report.
/// </summary>
public sealed class VerificationCleanCheck(VerificationReportStore reports, MigrationStateService migration, TimeProvider time) : IRolloutCheck
{
    public string Step => "V";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var stored = await reports.LatestAsync(ct);
        var last = (await migration.ReadAsync(ct)).LastVerification;
        var now = time.GetUtcNow();
        if (stored is null)
            return last is { } only && only.Report.Clean
                ? Result(CheckState.Amber,
                    $"No full report yet (the migration's own check was clean {Age(only.Run.EndedAt ?? only.Run.StartedAt, now)}): run one on the Verification page.")
                : Result(CheckState.Red, "No report yet: run one on the Verification page.");

        var report = stored.Result;
        var state = report.Overall;
        var detail = $"Report of {report.StartedAt:yyyy-MM-dd HH:mm} UTC ({Age(report.StartedAt, now)}): {Counts(report)}.";
        var worst = report.Lines.FirstOrDefault(l => l.State == state && state != CheckState.Green);
        if (worst is not null) detail += $" First {Word(state)} line: {worst.Title}.";
        if (last is { } newer && (newer.Run.EndedAt ?? newer.Run.StartedAt) > report.StartedAt && !newer.Report.Clean)
        {
            state = CheckState.Red;
            detail += $" Since then the migration's own check found problems on {newer.Report.ProblemProducts} products: run a new report.";
        }
        else if (last is { } later && (later.Run.EndedAt ?? later.Run.StartedAt) > report.StartedAt)
            detail += " The migration ran since: run a new report.";
        return Result(state, detail);
    }

    private static string Counts(VerificationResult report)
    {
        var parts = new[] { CheckState.Red, CheckState.Amber, CheckState.Green }
            .Select(s => (State: s, Count: report.Lines.Count(l => l.State == s)))
            .Where(p => p.Count > 0)
            .Select(p => $"{p.Count} {Word(p.State)}");
        return string.Join(", ", parts);
    }

    private static string Word(CheckState state) => state switch { CheckState.Red => "red", CheckState.Amber => "amber", _ => "green" };

    /// <summary>How long ago, in the largest whole unit that fits.</summary>
    public static string Age(DateTimeOffset at, DateTimeOffset now)
    {
        var ago = now - at;
        if (ago < TimeSpan.FromMinutes(1)) return "just now";
        if (ago < TimeSpan.FromHours(1)) return Plural((int)ago.TotalMinutes, "minute") + " ago";
        if (ago < TimeSpan.FromDays(1)) return Plural((int)ago.TotalHours, "hour") + " ago";
        return Plural((int)ago.TotalDays, "day") + " ago";
    }

    private static string Plural(int n, string unit) => n == 1 ? $"1 {unit}" : $"{n} {unit}s";

    private CheckResult Result(CheckState state, string detail) => new(Step, "Verification clean", state, detail, ConsoleScreen.Verification);
}
