using System.CommandLine;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;

namespace AdminConsole.Cli;

/// <summary><c>verify [--json]</c>: the migration's verification on its own; exit 1 when it finds any problem.</summary>
internal static class VerifyVerb
{
    public static Command Create()
    {
        var json = new Option<bool>("--json") { Description = "Print the report as JSON." };
        var command = new Command("verify", "Check the default creator and every product's creatorId, featured and status.") { json };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var verifier = services.GetRequiredService<MigrationVerifier>();
            VerificationReport? report = null;
            var run = services.GetRequiredService<JobRunner>().Start(MigrationVerifier.JobKind, "Verification", JobConsole.StartedBy,
                async j => report = await verifier.RunAsync(j));
            await using (ct.Register(run.Cancel))
            {
                if (parse.GetValue(json)) await run.Completion;
                else await JobConsole.FollowAsync(run, total: null);
            }
            if (parse.GetValue(json)) CliJson.Write(JobConsole.Summary(run, report));
            return JobConsole.ExitCode(run);
        }, ct));
        return command;
    }
}
