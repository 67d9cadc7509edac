using System.CommandLine;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.Options;

namespace AdminConsole.Cli;

/// <summary>
/// The command line's walks over every creator (<c>access check</c>, <c>verify</c>, <c>group list</c>): at a settable
/// Cognito rate under Cognito's admin-read quota, with their progress on stderr so stdout keeps only the verb's output.
/// </summary>
internal static class CliWalk
{
    public static Option<double?> Rate() => CliArgs.Number<double>("--rate",
        "Cognito requests a second for this walk; Platform:Walk:CognitoRequestsPerSecond (20) when not given, below Cognito's 120 for user reads", 1, 100);

    /// <summary>The settings' pace, with <paramref name="rate"/> for Cognito when given.</summary>
    public static WalkOptions Pace(IServiceProvider services, double? rate)
    {
        var settings = services.GetRequiredService<IOptions<WalkOptions>>().Value;
        return new WalkOptions
        {
            CognitoRequestsPerSecond = rate ?? settings.CognitoRequestsPerSecond, DynamoDbRequestsPerSecond = settings.DynamoDbRequestsPerSecond,
            Parallelism = settings.Parallelism, Schedule = settings.Schedule,
        };
    }

    public static IProgress<string> Stderr { get; } = new StderrProgress();

    /// <summary>Runs the platform walk as the web console's Walk now does, its log and count on stderr; false when it did not finish.</summary>
    public static async Task<bool> RunPlatformWalkAsync(IServiceProvider services, WalkOptions pace, CancellationToken ct)
    {
        // The console's table first, one GetItem: a service that does not answer fails the verb here, as any verb's first call.
        await services.GetRequiredService<PlatformFactsStore>().LatestAsync(ct);
        try
        {
            return await WalkAsync(services, pace, ct);
        }
        catch (Exception e) when (e is CreatorPlatform.Core.Schema.TableMissingException or Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            // A platform the walk cannot read (no tables yet) is what the report's own lines then say.
            Stderr.Report($"Could not walk every creator: {e.Message}");
            return false;
        }
    }

    private static async Task<bool> WalkAsync(IServiceProvider services, WalkOptions pace, CancellationToken ct)
    {
        await LeaseWait.BeforeStartAsync(services, PlatformWalk.JobKind, ct);
        var runner = services.GetRequiredService<JobRunner>();
        var walk = services.GetRequiredService<PlatformWalk>();
        var run = runner.Start(PlatformWalk.JobKind, PlatformWalk.Title, job => walk.RunAsync(job, pace));
        using var _ = CliJob.CancelOnCtrlC(runner, run, ct);
        var printed = 0;
        long walked = -1;
        while (true)
        {
            var ended = run.Completion.IsCompleted;
            var log = run.Log;
            for (; printed < log.Count; printed++) Stderr.Report(log[printed].Message);
            if (run.Counters.GetValueOrDefault("creators") is var creators and > 0 && creators != walked && !ended)
                Stderr.Report($"Walked {walked = creators:N0} creators.");
            if (ended) break;
            await Task.WhenAny(run.Completion, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        }
        if (run.State != JobState.Succeeded)
            Stderr.Report($"The platform walk did not finish ({run.State}): the report's lines over every creator come from the newest stored walk, if any.");
        return run.State == JobState.Succeeded;
    }

    private sealed class StderrProgress : IProgress<string>
    {
        private readonly Lock gate = new();

        public void Report(string value)
        {
            // One report, one line: a slug in a walk's log line cannot start a line of its own.
            lock (gate) Console.Error.WriteLine(TerminalText.OneLine(value));
        }
    }
}
