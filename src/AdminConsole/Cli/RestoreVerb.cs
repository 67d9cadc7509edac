using System.CommandLine;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Jobs;

namespace AdminConsole.Cli;

/// <summary><c>analytics restore [--run ID]</c>: put back the summaries a rebuild overwrote, from its journal.</summary>
internal static class RestoreVerb
{
    public static Command Create()
    {
        var runId = CliArgs.RunId("The rebuild whose overwritten summaries to put back (default: the newest that rewrote any).");
        var command = new Command("restore", "Restore previous: put back the summaries a rebuild overwrote (kept 35 days); days changed since are left alone, exit 1.") { runId };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var restorer = services.GetRequiredService<SummaryRestorer>();
            var id = parse.GetValue(runId);
            var run = await CliJob.RunAsync(services, SummaryRestorer.JobKind, SummaryRestorer.Title(id), job => restorer.RestoreAsync(job, id), ct);
            return run.State == JobState.Succeeded ? 0 : 1;
        }, ct));
        return command;
    }
}
