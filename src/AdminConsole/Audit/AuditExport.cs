using System.Text;
using AdminConsole.Csv;
using AdminConsole.Security;
using CreatorPlatform.Core.Audit;

namespace AdminConsole.Audit;

/// <summary><c>GET /audit/export.csv</c>: every entry the filter matches, newest first, paged through by key.</summary>
public static class AuditExport
{
    public const string Path = "/audit/export.csv";
    private static readonly string[] Header = ["at", "actorName", "actorId", "action", "target", "before", "after", "outcome", "detail", "jobId", "id"];

    public static void MapAuditExport(this WebApplication app) =>
        app.MapGet(Path, async (string? action, string? actor, DateOnly? from, DateOnly? to, AuditReader reader, HttpContext context) =>
        {
            var filter = new AuditFilter(action, actor, from, to);
            context.Response.ContentType = "text/csv; charset=utf-8";
            context.Response.Headers.ContentDisposition = $"attachment; filename=\"audit-{DateTime.UtcNow:yyyyMMdd-HHmmss}.csv\"";
            await using var text = new StreamWriter(context.Response.Body, new UTF8Encoding(false), leaveOpen: true);
            await using var csv = SafeCsv.Writer(text);
            csv.WriteRow(Header);
            string? cursor = null;
            do
            {
                var page = await reader.ReadAsync(filter, cursor, 200, context.RequestAborted);
                foreach (var e in page.Entries) csv.WriteRow(Row(e));
                await csv.FlushAsync(context.RequestAborted);
                await text.FlushAsync(context.RequestAborted);
                cursor = page.Next;
            } while (cursor is not null);
        }).RequireAuthorization(Policies.Viewer);

    public static string QueryString(AuditFilter f)
    {
        var parts = new List<string>();
        if (!string.IsNullOrEmpty(f.Action)) parts.Add($"action={Uri.EscapeDataString(f.Action)}");
        if (!string.IsNullOrEmpty(f.ActorId)) parts.Add($"actor={Uri.EscapeDataString(f.ActorId)}");
        if (f.From is { } from) parts.Add($"from={from:yyyy-MM-dd}");
        if (f.To is { } to) parts.Add($"to={to:yyyy-MM-dd}");
        return parts.Count == 0 ? Path : $"{Path}?{string.Join('&', parts)}";
    }

    private static string[] Row(AuditEntry e) =>
        [e.At.UtcDateTime.ToString("o"), e.ActorName, e.ActorId, e.Action, e.Target, e.Before ?? "", e.After ?? "", e.Outcome, e.Detail ?? "", e.JobId ?? "", e.Id];
}
