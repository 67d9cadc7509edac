using CreatorPlatform.Core.Jobs;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>One run's overrides of the Migration settings (the CLI's --segments and --concurrency); null keeps the setting.</summary>
public sealed record MigrationRunSettings(int? Segments = null, int? MaxConcurrency = null);

/// <summary>
/// The guide's step 7 as a job: default creator, product backfill, verification, recorded in the run history. The
/// JobRunner holds the kind's lease around it, so that one run goes at a time across processes. Ends red while anything
/// is left unmigrated (trap 3).
/// </summary>
public sealed class MigrationJob(DefaultCreator defaultCreator, ProductBackfill backfill, BackfillCheckpoints checkpoints, MigrationVerifier verifier,
    JobLease lease, MigrationHistory history, IOptions<PlatformOptions> options, TimeProvider time, MigrationJournal journal, MigrationProgressEstimator estimator,
    MigrationProgressRecorder progress, ILogger<MigrationJob> logger)
{
    public const string JobKind = "migration";
    /// <summary>The lease the JobRunner holds for a run: the job kind's.</summary>
    public const string LeaseName = JobKind;
    /// <summary>A worker helping a run: many may run at once, under the run's lease rather than one of their own.</summary>
    public const string JoinKind = "migration-join";
    private static readonly string Rule = new('=', 60);
    /// <summary>In a run's settings: the run keeps a journal, so that it can be undone (earlier console versions kept none).</summary>
    public const string JournalSetting = "journal";

    public Task RunAsync(JobContext job) => RunAsync(job, new MigrationRunSettings());

    public async Task RunAsync(JobContext job, MigrationRunSettings overrides)
    {
        var ct = job.CancellationToken;
        var record = new MigrationRunRecord(job.RunId, RunKinds.Migrate, job.StartedBy, time.GetUtcNow(), null, RunOutcomes.Running, Settings(overrides), new Dictionary<string,
            long>(), null, null);
        await history.SaveAsync(record, ct);
        if (job.TookOverFrom is { } previous) await CloseInterruptedAsync(job, previous, ct);
        MigrationProgressRecorder.Recording? recording = null;
        var started = record;
        try
        {
            record = await MigrateAsync(job, record, overrides, () => recording = progress.Start(job, started), ct);
            record = record with { Outcome = RunOutcomes.Succeeded };
        }
        catch (OperationCanceledException) when (job.LeaseLost)
        {
            record = record with { Outcome = RunOutcomes.Failed, Error = "lease lost" };
            throw;
        }
        catch (OperationCanceledException)
        {
            record = record with { Outcome = RunOutcomes.Cancelled };
            throw;
        }
        catch (Exception e)
        {
            record = record with { Outcome = RunOutcomes.Failed, Error = e.Message };
            throw;
        }
        finally
        {
            // The periodic progress writes stop first, so that the end is the record's last word.
            if (recording is not null) await recording.DisposeAsync();
            var ended = record with { EndedAt = time.GetUtcNow() };
            await history.SaveAsync(ended.Progress is null && recording is not null ? progress.Snapshot(job, ended) : ended, CancellationToken.None);
        }
    }

    /// <summary>
    /// A second worker (another console instance, the CLI elsewhere) helping a running migration: it claims the
    /// segments that are free, or whose owner's claim expired, works them and leaves; the run's owner verifies. It
    /// works only beside a live migration run, which holds the family's lease: never on a paused backfill, never beside
    /// an undo or a repair. A heartbeat watches that run's lease, and the worker stops writing when the run stops.
    /// </summary>
    public async Task JoinAsync(JobContext job, MigrationRunSettings overrides)
    {
        var ct = job.CancellationToken;
        var plan = await checkpoints.CurrentAsync(ct) ?? throw new JobFailedException("No migration is open to join; start one instead.");
        var owner = await lease.ReadAsync(LeaseName, ct);
        if (owner is null || owner.Kind != JobKind || owner.Until <= time.GetUtcNow())
            throw new JobFailedException(owner is { Kind: not JobKind } && owner.Until > time.GetUtcNow()
                ? $"A {owner.Kind} run ({owner.RunId}, started by {owner.Holder}) holds the migration's lease: a joined worker never writes beside it. Join once a migration runs."
                : $"No migration is running to join: backfill {plan.Id} is paused (or its run stopped). Resume it (`migrate`, or Resume on the Migration page), then join.");
        var creator = await defaultCreator.FindAsync(ct) ?? throw new JobFailedException("The default creator does not exist yet; start the migration instead.");
        job.Set(BackfillCounters.Segments, plan.Segments);
        job.Info($"Joining backfill {plan.Id} of run {owner.RunId} as worker {lease.WorkerId}...");
        var watch = new Heartbeat($"migration run {owner.RunId} this worker helps", c => StillRunningAsync(owner.RunId, c), lease.Duration, time.GetUtcNow(), time, logger);
        BackfillResult result;
        await using (watch)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, watch.Lost);
            try
            {
                result = await backfill.RunAsync(job, plan, creator.Id, overrides.MaxConcurrency, untilDone: false, watch.Lost, stop.Token);
            }
            catch (OperationCanceledException) when (watch.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                throw new JobFailedException($"The migration run {owner.RunId} this worker helped stopped ({watch.LostReason}), so this worker stopped "
                    + $"writing too: it updated {job.Counter(BackfillCounters.Updated):N0} products before. Join again once the migration runs.");
            }
        }
        job.Success($"✓ Left the backfill: processed {result.Scanned}, updated {result.Updated}, skipped {result.Skipped}.");
        if (result.Failed > 0) throw new JobFailedException($"{result.Failed} products could not be migrated; the run's owner reports them.");
    }

    /// <summary>
    /// A run whose lease this one took over (its process died, or it stopped renewing) and whose history record still
    /// says running: closed as interrupted, naming this run, which finishes its work by resuming its backfill.
    /// </summary>
    private async Task CloseInterruptedAsync(JobContext job, LeaseInfo previous, CancellationToken ct)
    {
        if ((await history.ListAsync(20, ct)).FirstOrDefault(r => r.RunId == previous.RunId && r.Outcome == RunOutcomes.Running) is not { } dead) return;
        await history.SaveAsync(dead with
        {
            Outcome = RunOutcomes.Interrupted, EndedAt = time.GetUtcNow(),
            Error = $"interrupted: it stopped without closing its run (its worker {previous.Process?.ToString() ?? previous.Host} ended or stopped renewing its lease); "
                + $"run {job.RunId} took the lease over and finishes its work",
        }, ct);
        job.Warning($"Run {previous.RunId} stopped without closing (interrupted); this run finishes its work.");
    }

    /// <summary>The joined run still holds the migration's lease (its holder renews it); false once it let go or another took it.</summary>
    private async Task<bool> StillRunningAsync(string runId, CancellationToken ct) =>
        await lease.ReadAsync(LeaseName, ct) is { } held && held.RunId == runId && held.Until > time.GetUtcNow();

    /// <param name="startProgress">Called once the run's baseline is among its counters: from then on its progress is stored as it goes.</param>
    private async Task<MigrationRunRecord> MigrateAsync(JobContext job, MigrationRunRecord record, MigrationRunSettings overrides, Action startProgress,
        CancellationToken ct)
    {
        job.Info(Rule);
        job.Info("Multi-Creator Platform Migration");
        job.Info(Rule);
        var (creator, created) = await defaultCreator.EnsureAsync(job, ct);

        job.Info("Step 2: Backfilling products with creator data...");
        var plan = await checkpoints.OpenAsync(overrides.Segments ?? options.Value.Migration.Segments, ct);
        await journal.RecordRunAsync(created
            ? new JournaledRun(job.RunId, plan.Id, record.StartedAt, creator.Id, creator.Id, creator.Slug, Creators.CreatorMapper.Time(creator.CreatedAt))
            : new JournaledRun(job.RunId, plan.Id, record.StartedAt, creator.Id, null), ct);
        job.Set(BackfillCounters.Segments, plan.Segments);
        var prior = plan.Resumed ? await checkpoints.SegmentsAsync(plan, ct) : [];
        if (plan.Resumed) job.Info($"  Resuming from checkpoints ({prior.Count(s => s.Done)} of {plan.Segments} segments done).");
        await SetBaselineAsync(job, prior.Sum(s => s.Scanned), ct);
        startProgress();
        var result = await backfill.RunAsync(job, plan, creator.Id, ct, overrides.MaxConcurrency);
        await checkpoints.CloseAsync(plan, CancellationToken.None);
        job.Success("✓ Product backfill complete:");
        job.Info($"  - Total processed: {result.Scanned}");
        job.Info($"  - Updated: {result.Updated}");
        job.Info($"  - Skipped (already migrated): {result.Skipped}");
        if (result.Failed > 0) job.Error($"  - Failed: {result.Failed}");
        if (result.Throttles > 0) job.Warning($"  - Throttled writes retried: {result.Throttles}");
        record = record with { Counts = MigrationProgressRecorder.MainCounts(job.Counters) };

        job.Info("Step 3: Verifying data integrity...");
        var report = await verifier.VerifyAsync(ct);
        MigrationVerifier.Log(job, report);
        record = record with { Verification = MigrationHistory.Serialize(report) };
        if (result.Failed > 0)
            throw new
                JobFailedException($"{result.Failed} products could not be migrated (e.g. {string.Join(", ", result.Failures.Take(5).Select(f => $"{f.ProductId}: {f.Error}"))}). "
                + "Run the migration again to finish them.");
        if (!report.Clean)
            throw new JobFailedException("Verification found problems (listed above); the migration is not complete.");
        job.Info(Rule);
        job.Success("Migration completed successfully!");
        job.Info(Rule);
        return record;
    }

    /// <summary>
    /// What this run's progress is measured against, kept among its counters (the table's size first: the prior count
    /// marks the baseline as set). A size that cannot be read leaves it unknown (no percentage, no ETA) rather than
    /// stopping the migration.
    /// </summary>
    private async Task SetBaselineAsync(JobContext job, long priorScanned, CancellationToken ct)
    {
        try
        {
            if (await estimator.TableItemsAsync(ct) is { } total) job.Set(BackfillCounters.TableItems, total);
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            logger.LogWarning("Migration run {RunId}: the products table's size could not be read: {Error}", job.RunId, e.Message);
            job.Warning($"  The products table's size could not be read ({e.Message}): progress shows counts without a percentage or ETA.");
        }
        job.Set(BackfillCounters.PriorScanned, priorScanned);
    }

    private Dictionary<string, string> Settings(MigrationRunSettings overrides)
    {
        var m = options.Value.Migration;
        return new()
        {
            ["segments"] = (overrides.Segments ?? m.Segments).ToString(), ["maxConcurrency"] = (overrides.MaxConcurrency ?? m.MaxConcurrency).ToString(), ["maxWriteRate"] =
                m.MaxWriteRate.ToString(),
            ["scanPageSize"] = m.ScanPageSize.ToString(), ["products"] = options.Value.Tables.Products, ["slug"] = options.Value.DefaultCreator.Slug,
            ["worker"] = lease.WorkerId, [JournalSetting] = $"{MigrationJournal.Retention.TotalDays:0} days",
        };
    }
}
