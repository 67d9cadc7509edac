using System.CommandLine;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;

namespace AdminConsole.Cli;

/// <summary>
/// <c>migrate repair-featured [--dry-run] [--json]</c>: rewrites each boolean <c>featured</c> as the platform's string,
/// through the JobRunner as the Migration page runs it. Exit 0 only when no product stores featured as a boolean.
/// </summary>
internal static class RepairFeaturedVerb
{
    public static Command Create()
    {
        var dryRun =
            new Option<bool>("--dry-run") { Description = "Count the booleans and show samples of the change, without writing (exits 1 while there are booleans to repair)." };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of the log." };
        var command = new Command("repair-featured", "Turn each boolean featured into the string the platform reads (\"true\"/\"false\").") { dryRun, json };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var dry = parse.GetValue(dryRun);
            FeaturedRepairReport? report = null;
            var runner = services.GetRequiredService<JobRunner>();
            var run = services.GetRequiredService<MigrationJobs>().StartRepair(dry, r => report = r);
            await using (CliJob.CancelOnCtrlC(runner, run, ct))
            {
                if (parse.GetValue(json)) await run.Completion;
                else await JobConsole.FollowAsync(run, progress: false);
            }
            if (parse.GetValue(json)) CliJson.Write(JobConsole.Summary(run, report));
            var exit = JobConsole.ExitCode(run);
            return exit == 0 && report is { Done: false } ? 1 : exit;
        }, ct));
        return command;
    }
}
