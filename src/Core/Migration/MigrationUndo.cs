using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>What an undo (or its dry run) found: per journaled product, undone (or to undo), already undone, or edited since the run.</summary>
public sealed record UndoReport(string RunId, string BackfillId, bool DryRun, bool Resumed, long Products, long ToUndo, long Undone, long AlreadyUndone, long EditedSince,
    IReadOnlyList<string> EditedIds, IReadOnlyList<ProductDiff> Samples, IReadOnlyList<CreatorRemoval> Creators)
{
    public bool Complete => EditedSince == 0;
}

/// <summary>A run that cannot be undone exactly: the message says why, and nothing was changed.</summary>
public sealed class NoJournalException(string message) : Exception(message);

/// <summary>
/// Undo of a migration run, as a job holding the migration's lease (never while a migration runs): walks the run's
/// backfill journal newest page first, puts each product back as it was (see <see cref="UndoPage"/>), checkpoints after
/// each page so that a crash resumes, then removes the default creator the run created when nothing refers to it,
/// closes the run's backfill and records the undo in the history, so that step 7 is no longer done.
/// </summary>
public sealed class MigrationUndo(MigrationJournal journal, UndoPage pages, UndoProgressStore progressStore, UndoCreatorRemoval creatorRemoval,
    MigrationUndoRecorder recorder)
{
    public const string JobKind = "migration-undo";
    public const string DryRunJobKind = "migration-undo-dry-run";
    private const int SampleCount = 10;
    private const int PagesPerQuery = 10;

    public async Task<UndoReport> RunAsync(JobContext job, string? runId, bool dryRun)
    {
        var ct = job.CancellationToken;
        var target = await recorder.TargetAsync(runId, job, ct);
        var run = await journal.FindRunAsync(target, ct) ?? throw new JobFailedException(NoJournal(target));
        job.Info(dryRun ? $"Dry run of undoing migration run {target} (backfill {run.BackfillId}): nothing is written."
            : $"Undoing migration run {target} (backfill {run.BackfillId})...");
        var created = (await journal.RunsOfAsync(run.BackfillId, ct)).Where(r => r.CreatedCreatorId is not null).DistinctBy(r => r.CreatedCreatorId).ToList();
        foreach (var creatorRun in created)
            if (await creatorRemoval.JournalMismatchAsync(creatorRun, ct) is { } refusal) throw new JobFailedException(refusal);
        if (!dryRun) await recorder.CloseOpenBackfillAsync(job, run, ct);
        var progress = dryRun ? null : await progressStore.ReadAsync(run.BackfillId, ct);
        var resumed = progress is { Done: false };
        if (!resumed) progress = UndoProgress.Start;
        else job.Info($"  Resuming: {progress!.Products} journaled products were gone through before it stopped.");
        var record = dryRun ? null : await recorder.StartAsync(job, run, ct);
        var report = new UndoReport(target, run.BackfillId, dryRun, resumed, progress.Products, 0, progress.Undone, progress.AlreadyUndone, progress.EditedSince,
            progress.EditedIds, [], []);
        try
        {
            var restoring = new HashSet<string>(StringComparer.Ordinal);
            report = await WalkAsync(job, run, progress, report, restoring, ct);
            var creators = new List<CreatorRemoval>();
            foreach (var creatorRun in created)
            {
                var removal = await creatorRemoval.RemoveAsync(job, creatorRun, dryRun, restoring, ct);
                if (removal.Outcome == CreatorRemovalOutcome.Kept) job.Warning(removal.Detail); else job.Success(removal.Detail);
                creators.Add(removal);
            }
            report = report with { Creators = creators };
            if (report.Products == 0 && !resumed)
                job.Info($"Run {target} changed nothing: its journal holds no product, so there is nothing to put back.");
            Log(job, report);
            if (!dryRun)
            {
                await progressStore.SaveAsync(run.BackfillId, Progress(report, done: true), CancellationToken.None);
                await recorder.FinishAsync(job, run, record!, report, ct);
            }
        }
        catch (Exception e)
        {
            if (record is not null) await recorder.EndAsync(job, record, e, report);
            throw;
        }
        if (!dryRun && !report.Complete)
            throw new JobFailedException($"{report.EditedSince} products were changed after the run and were left as they are: "
                + $"{string.Join(", ", report.EditedIds.Take(20))}{(report.EditedIds.Count > 20 ? ", ..." : "")}. Everything else is undone.");
        return report;
    }

    public static string NoJournal(string runId) =>
        $"Run {runId} has no journal: it was made by the deployment guide's own script, by a console version from before undo existed, "
        + $"or more than {MigrationJournal.Retention.TotalDays:0} days ago (the journal's retention). Its changes cannot be undone exactly, "
        + "and the console offers nothing that guesses. Nothing was changed.";

    /// <summary>Goes through the journal; a dry run collects in <paramref name="restoring"/> the products it would put back, which then no longer refer to the creator.</summary>
    private async Task<UndoReport> WalkAsync(JobContext job, JournaledRun run, UndoProgress progress, UndoReport report, HashSet<string> restoring, CancellationToken ct)
    {
        var samples = new List<ProductDiff>();
        var newer = new HashSet<string>(StringComparer.Ordinal);
        var cursor = progress.Cursor;
        while (true)
        {
            var batch = await journal.PagesAsync(run.BackfillId, cursor, PagesPerQuery, ct);
            if (batch.Count == 0) return report with { Samples = samples };
            foreach (var page in batch)
            {
                ct.ThrowIfCancellationRequested();
                var tally = await pages.UndoAsync(job, page, report.DryRun, SampleCount - samples.Count, newer, ct);
                newer.UnionWith(page.Entries.Select(e => e.Id));
                if (tally.Failures.Count > 0)
                    throw
                        new
                            JobFailedException($"{tally.Failures.Count} products could not be written back (e.g. {tally.Failures[0].ProductId}); run undo again: it resumes from " +
                                $"this page.");
                samples.AddRange(tally.Samples);
                restoring.UnionWith(tally.ToUndo);
                report = report with
                {
                    Products = report.Products + tally.Products, ToUndo = report.ToUndo + (report.DryRun ? tally.Undone : 0),
                    Undone = report.Undone + (report.DryRun ? 0 : tally.Undone), AlreadyUndone = report.AlreadyUndone + tally.AlreadyUndone,
                    EditedSince = report.EditedSince + tally.Edited.Count, EditedIds = report.EditedIds.Concat(tally.Edited).Take(UndoProgress.MaxEditedIds).ToList(),
                };
                cursor = page.Key;
                if (report.DryRun) continue;
                await progressStore.SaveAsync(run.BackfillId, Progress(report, done: false) with { Cursor = cursor }, CancellationToken.None);
                if (tally.Undone > 0) job.Success($"  ✓ Put back {report.Undone} products so far...");
            }
        }
    }

    private static UndoProgress Progress(UndoReport r, bool done) => new(done, null, r.Products, r.Undone, r.AlreadyUndone, r.EditedSince, r.EditedIds);

    private static void Log(JobContext job, UndoReport report)
    {
        job.Info($"Journaled products: {report.Products}");
        job.Info(report.DryRun ? $"  - To undo: {report.ToUndo}" : $"  - Undone: {report.Undone}");
        job.Info($"  - Already undone (or never written): {report.AlreadyUndone}");
        if (report.EditedSince > 0) job.Warning($"  - Changed after the run, left alone: {report.EditedSince}");
        foreach (var sample in report.Samples)
            job.Info($"  {sample.ProductId}: {string.Join("; ", sample.Changes.Select(c => $"{c.Name} {c.Before} → {c.After}"))}");
        if (!report.DryRun && report.Complete) job.Success("✓ The run is undone: every product it changed is back as it was.");
    }
}
