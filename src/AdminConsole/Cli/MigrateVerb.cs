using System.CommandLine;
using System.Text.Json;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>
/// <c>migrate [--dry-run | --join] [--segments N] [--concurrency N] [--json]</c>: the guide's step 7 through the JobRunner, as
/// the web page runs it. Exit 0 only on a complete, verified migration; Ctrl-C stops cleanly and a re-run resumes. With
/// <c>--join</c>, a second worker (another machine, another process) helps the run in progress and leaves.
/// </summary>
internal static class MigrateVerb
{
    public static Command Create()
    {
        var dryRun = new Option<bool>("--dry-run") { Description = "Count what would change, with samples and the write cost, without writing." };
        var segments = CliArgs.Number("--segments", "Parallel scan segments for a new run (a resumed run keeps its own)", 1, 1000);
        var concurrency = CliArgs.Number("--concurrency", "Most write requests in flight at once (UpdateItem, or TransactWriteItems in Transaction mode)", 1, 1024);
        var join = new Option<bool>("--join")
        {
            Description = "Help the migration another console or CLI is running: work the segments nobody holds, then leave (its owner verifies).",
        };
        var json = new Option<bool>("--json") { Description = "Print the result as JSON instead of progress and log." };
        var command = new Command("migrate", "Run the data migration (deployment guide, step 7): default creator, product backfill, verification.")
            { dryRun, join, segments, concurrency, json };
        command.Validators.Add(r =>
        {
            if (r.GetValue(dryRun) && r.GetValue(join)) r.AddError("--dry-run and --join cannot be combined.");
            if (r.GetValue(join) && r.GetValue(segments) is not null) r.AddError("--segments is the run's own: a worker joining it works its segments.");
        });
        command.Subcommands.Add(RepairFeaturedVerb.Create());
        command.Subcommands.Add(MigrateUndoVerb.Create());
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var runner = services.GetRequiredService<JobRunner>();
            var migration = services.GetRequiredService<MigrationJobs>();
            var quiet = parse.GetValue(json);
            JobRun run;
            object? result = null;
            if (parse.GetValue(dryRun))
            {
                await LeaseWait.BeforeStartAsync(services, MigrationDryRun.JobKind, ct);
                run = migration.StartDryRun(report => result = report);
            }
            else if (parse.GetValue(join))
            {
                run = migration.StartJoin(new MigrationRunSettings(MaxConcurrency: parse.GetValue(concurrency)));
            }
            else
            {
                var overrides = new MigrationRunSettings(parse.GetValue(segments), parse.GetValue(concurrency));
                if (await services.GetRequiredService<CreatorPlatform.Core.Rollback.PitrService>().MigrationWarningAsync(ct) is { } noBackup)
                    Console.Error.WriteLine(TerminalText.Clean($"⚠ {noBackup}"));
                await LeaseWait.BeforeStartAsync(services, MigrationJob.JobKind, ct);
                run = migration.StartMigration(overrides);
            }
            using (CliJob.CancelOnCtrlC(runner, run, ct, pause: !parse.GetValue(dryRun) && !parse.GetValue(join)))
            {
                if (quiet) await run.Completion;
                else await JobConsole.FollowAsync(run, progress: run.Kind == MigrationJob.JobKind);
            }
            CliFailure.ThrowIfUnreachable(run);
            if (quiet) CliJson.Write(JobConsole.Summary(run, result ?? await VerificationAsync(services, run)));
            return JobConsole.ExitCode(run);
        }, ct));
        return command;
    }

    /// <summary>The run's verification report, as history recorded it.</summary>
    private static async Task<VerificationReport?> VerificationAsync(IServiceProvider services, JobRun run)
    {
        IReadOnlyList<MigrationRunRecord> history;
        try { history = await services.GetRequiredService<MigrationHistory>().ListAsync(10, CancellationToken.None); }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; } // no console table: the run's log says so
        var record = history.FirstOrDefault(r => r.RunId == run.Id);
        return record?.Verification is { } report ? JsonSerializer.Deserialize<VerificationReport>(report) : null;
    }
}
