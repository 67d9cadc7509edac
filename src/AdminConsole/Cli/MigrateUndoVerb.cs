using System.CommandLine;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>
/// <c>migrate undo [--run ID] [--dry-run] [--yes] [--json]</c>: puts back every product a migration run changed, through the
/// JobRunner under the migration's lease. Exit 0 only when everything was undone; a product changed after the run is left
/// alone and listed, and the exit is 1. Ctrl-C stops after the current page; a re-run resumes.
/// </summary>
internal static class MigrateUndoVerb
{
    public static Command Create()
    {
        var runId = CliArgs.RunId("The migration run to undo (its id, as History shows it); the newest run that updated products by default.");
        var dryRun =
            new Option<bool>("--dry-run") { Description = "Count what undo would put back, what changed since and what is already undone, with samples, without writing." };
        var yes = new Option<bool>("--yes") { Description = "Confirm the undo (needed in Mode=Aws)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of the log." };
        var command = new Command("undo", "Undo a migration run: remove the attributes it added, put updatedAt back, and remove the default creator it created.")
            { runId, dryRun, yes, json };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var dry = parse.GetValue(dryRun);
            if (!dry && !parse.GetValue(yes) && !services.GetRequiredService<AwsContext>().IsSandbox)
                return CliFailure.Refuse("Undoing a migration in Mode=Aws changes ProductsTable.", "Run it with --dry-run first, then again with --yes.");
            var runner = services.GetRequiredService<JobRunner>();
            var kind = dry ? MigrationUndo.DryRunJobKind : MigrationUndo.JobKind;
            await LeaseWait.BeforeStartAsync(services, kind, ct);
            UndoReport? report = null;
            var run = services.GetRequiredService<MigrationJobs>().StartUndo(parse.GetValue(runId), dry, r => report = r);
            using (CliJob.CancelOnCtrlC(runner, run, ct))
            {
                if (parse.GetValue(json)) await run.Completion;
                else await JobConsole.FollowAsync(run, progress: false);
            }
            if (parse.GetValue(json)) CliJson.Write(JobConsole.Summary(run, report));
            return JobConsole.ExitCode(run);
        }, ct));
        return command;
    }
}
