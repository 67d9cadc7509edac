using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Analytics;

/// <summary>
/// Where analytics keeps its own records in the console's table (never in the platform's tables): completed rebuild
/// runs, the journal of the summaries each rebuild overwrote, the rollups the overview reads, the schedule's slots.
/// </summary>
internal static class AnalyticsOpsKeys
{
    public const string RunsPk = OpsKeys.AnalyticsRuns;
    public const string RollupPointerPk = OpsKeys.AnalyticsRollupPointer;
    public const string SchedulePk = OpsKeys.AnalyticsSchedule;

    public static string JournalPk(string runId) => OpsKeys.AnalyticsJournal(runId);
    public static string RollupPk(string generation) => OpsKeys.AnalyticsRollup(generation);
    public const string JournalHeaderSk = "#run";

    public static Dictionary<string, AttributeValue> Key(string pk, string sk) => OpsKeys.Key(pk, sk);

    public static string? Str(Dictionary<string, AttributeValue> item, string name) => item.TryGetValue(name, out var v) ? v.S : null;
    public static long Long(Dictionary<string, AttributeValue> item, string name) =>
        item.TryGetValue(name, out var v) && long.TryParse(v.N, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0;
}
