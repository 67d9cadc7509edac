using CreatorPlatform.Core.Analytics;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>analytics rebuild --since-last</c>: the range from where the last completed rebuild ended to today.</summary>
internal static class SinceLast
{
    public static async Task<AnalyticsScope?> ScopeAsync(IServiceProvider services, AnalyticsScope requested, CancellationToken ct)
    {
        var last = await services.GetRequiredService<RebuildRunLog>().LastCompletedAsync(ct);
        var today = DateRange.Today(services.GetRequiredService<TimeProvider>());
        if (last is null)
        {
            TerminalText.MarkupLine($"[yellow]No completed rebuild yet: rebuilding {requested.Range} (the default range).[/]");
            return requested;
        }
        // From the day it ended: events of that day that arrived after it are not in its summaries yet.
        var range = new DateRange(DateOnly.FromDateTime(last.EndedAt.UtcDateTime), today);
        if (services.GetRequiredService<AnalyticsRangeLimit>().Refusal(range) is { } reason)
        {
            TerminalText.MarkupLine($"[red]The last completed rebuild ended {last.EndedAt:yyyy-MM-dd}: {reason}[/]");
            return null;
        }
        TerminalText.MarkupLine($"[grey]Last completed rebuild: {last.RunId} ({last.Trigger}, {last.EndedAt:yyyy-MM-dd HH:mm} UTC); rebuilding {range}.[/]");
        return requested with { Range = range };
    }
}
