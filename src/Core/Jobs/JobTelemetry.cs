using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace CreatorPlatform.Core.Jobs;

/// <summary>Traces and metrics of jobs, for OpenTelemetry (the exporter is wired by the web app when configured).</summary>
public static class JobTelemetry
{
    public const string Name = "CreatorPlatform.Jobs";
    public static readonly ActivitySource Source = new(Name);
    private static readonly Meter Meter = new(Name);
    private static readonly Counter<long> Runs = Meter.CreateCounter<long>("jobs.runs", description: "Jobs ended, by kind and outcome");
    private static readonly Histogram<double> Duration = Meter.CreateHistogram<double>("jobs.duration", "s");

    internal static void Ended(JobRun run, string outcome)
    {
        var tags = new TagList { { "job.kind", run.Kind }, { "job.outcome", outcome } };
        Runs.Add(1, tags);
        Duration.Record(run.Elapsed.TotalSeconds, tags);
    }
}
