using System.CommandLine;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;

namespace AdminConsole.Cli;

/// <summary><c>schema apply [--json]</c>: the web page's "Apply schema" (missing tables, then indexes one at a time, then TTL).</summary>
internal static class SchemaVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the result as JSON." };
        var apply = new Command("apply", "Create missing tables and indexes, one index at a time, each waited for until ACTIVE.") { json };
        apply.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var applier = services.GetRequiredService<SchemaApplier>();
            await LeaseWait.BeforeStartAsync(services, SchemaApplier.JobKind, ct);
            var runner = services.GetRequiredService<JobRunner>();
            var run = runner.Start(SchemaApplier.JobKind, "Apply schema", applier.ApplyAsync);
            using (CliJob.CancelOnCtrlC(runner, run, ct))
            {
                if (parse.GetValue(json)) await run.Completion;
                else await JobConsole.FollowAsync(run, progress: false);
            }
            if (parse.GetValue(json)) CliJson.Write(JobConsole.Summary(run));
            return JobConsole.ExitCode(run);
        }, ct));
        return new Command("schema", "The platform's tables and indexes.") { apply };
    }
}
