using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Audit;

/// <summary>
/// The audit log's keys in the ops table. Each entry is stored three times, in one transaction: in its month's partition
/// (the whole log, newest first) and in its actor's and its action's partitions (the filters), all sorted by
/// <c>time#id</c>, so every view is a Query by key, never a Scan. Two small index partitions list the months and the
/// people that have entries.
/// </summary>
public static class AuditMapper
{
    public const string MonthsPk = OpsKeys.AuditMonths;
    public const string ActorsPk = OpsKeys.AuditActors;

    public static string MonthPk(string month) => OpsKeys.AuditMonth(month);
    public static string Month(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM");
    public static string ActorPk(string actorId) => OpsKeys.AuditActor(actorId);
    public static string ActionPk(string action) => OpsKeys.AuditAction(action);
    public static string Sk(DateTimeOffset at, string id) => $"{at.UtcDateTime:yyyy-MM-ddTHH:mm:ss.fffffffZ}#{id}";

    public static IEnumerable<string> Partitions(AuditEntry e) => [MonthPk(Month(e.At)), ActorPk(e.ActorId), ActionPk(e.Action)];

    public static Dictionary<string, AttributeValue> ToItem(AuditEntry e, string pk)
    {
        var item = new Dictionary<string, AttributeValue>
        {
            ["pk"] = S(pk), ["sk"] = S(Sk(e.At, e.Id)), ["kind"] = S("audit"), ["id"] = S(e.Id), ["at"] = S(e.At.UtcDateTime.ToString("o")),
            ["actorName"] = S(e.ActorName), ["actorId"] = S(e.ActorId), ["action"] = S(e.Action), ["target"] = S(e.Target), ["outcome"] = S(e.Outcome),
        };
        if (e.Before is not null) item["before"] = S(e.Before);
        if (e.After is not null) item["after"] = S(e.After);
        if (e.Detail is not null) item["detail"] = S(e.Detail);
        if (e.JobId is not null) item["jobId"] = S(e.JobId);
        return item;
    }

    public static AuditEntry FromItem(Dictionary<string, AttributeValue> i)
    {
        string? Get(string k) => i.TryGetValue(k, out var v) ? v.S : null;
        return new(Get("id") ?? "", DateTimeOffset.TryParse(Get("at"), out var at) ? at : default, Get("actorName") ?? "", Get("actorId") ?? "",
            Get("action") ?? "", Get("target") ?? "", Get("before"), Get("after"), Get("outcome") ?? "", Get("detail"), Get("jobId"));
    }
}
