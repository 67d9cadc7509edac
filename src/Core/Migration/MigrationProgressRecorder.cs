using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// Stores a running migration's counters in its history record every <see cref="MigrationOptions.ProgressSeconds"/>, so
/// that every other process (another console, a replica, a reload there) reads the same progress the job has, at
/// one write per interval whatever the number of readers. A failed write is logged and tried again at the next tick.
/// </summary>
public sealed class MigrationProgressRecorder(MigrationHistory history, IOptions<PlatformOptions> options, TimeProvider time, ILogger<MigrationProgressRecorder> logger)
{
    private TimeProvider Clock => time;
    private TimeSpan Interval => TimeSpan.FromSeconds(options.Value.Migration.ProgressSeconds);

    /// <summary>Writes the progress now, then every interval until disposed, into <paramref name="record"/> (the running run's).</summary>
    public Recording Start(JobContext job, MigrationRunRecord record) => new(this, job, record);

    /// <summary>The record with the job's counters as of now; false (and logged) when it could not be stored.</summary>
    public async Task<bool> SaveAsync(JobContext job, MigrationRunRecord record, CancellationToken ct)
    {
        try
        {
            await history.SaveProgressAsync(Snapshot(job, record), ct);
            return true;
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("The progress of migration run {RunId} could not be stored (other consoles show its previous figures until the next write): {Error}",
                record.RunId, e.Message);
            return false;
        }
    }

    /// <summary>The record as it stands, with the job's counters as of now.</summary>
    public MigrationRunRecord Snapshot(JobContext job, MigrationRunRecord record) => record with
    {
        Progress = new RunProgress(time.GetUtcNow(), job.Counters),
        Counts = record.EndedAt is null || record.Counts.Count == 0 ? MainCounts(job.Counters) : record.Counts,
    };

    /// <summary>The run's own totals, as its history lists them.</summary>
    public static Dictionary<string, long> MainCounts(IReadOnlyDictionary<string, long> counters) =>
        new[] { BackfillCounters.Scanned, BackfillCounters.Updated, BackfillCounters.Skipped, BackfillCounters.Failed, BackfillCounters.Throttles }
            .ToDictionary(c => c, counters.GetValueOrDefault);

    /// <summary>The background writes of one run; disposing it stops them and waits for the one in flight.</summary>
    public sealed class Recording : IAsyncDisposable
    {
        private readonly CancellationTokenSource stop = new();
        private readonly Task loop;

        internal Recording(MigrationProgressRecorder recorder, JobContext job, MigrationRunRecord record) =>
            loop = LoopAsync(recorder, job, record, stop.Token);

        private static async Task LoopAsync(MigrationProgressRecorder recorder, JobContext job, MigrationRunRecord record, CancellationToken ct)
        {
            await Task.Yield();
            using var timer = new PeriodicTimer(recorder.Interval, recorder.Clock);
            try
            {
                do await recorder.SaveAsync(job, record, ct);
                while (await timer.WaitForNextTickAsync(ct));
            }
            catch (OperationCanceledException) when (ct.IsCancellationRequested) { }
        }

        public async ValueTask DisposeAsync()
        {
            await stop.CancelAsync();
            await loop;
            stop.Dispose();
        }
    }
}
