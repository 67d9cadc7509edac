using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// The undo in the migration's history: its own record (kind <see cref="RunKinds.Undo"/>, with the verification after it, so the newest
/// verification tells the truth), and each undone run marked "undone" or "partly undone", so that step 7 is no longer done.
/// </summary>
public sealed class MigrationUndoRecorder(MigrationHistory history, BackfillCheckpoints checkpoints, MigrationVerifier verifier, MigrationJournal journal, TimeProvider time)
{

    /// <summary>How far back in the history the default target is looked for (verifications and undos are in it too).</summary>
    public const int HistoryDepth = 100;

    /// <summary>
    /// The run to undo: the one named, else the newest migration run that updated products. A re-run of a complete
    /// migration (the guide says to re-run it) changes nothing; undoing it by default would change nothing either.
    /// </summary>
    public async Task<string> TargetAsync(string? runId, JobContext job, CancellationToken ct)
    {
        if (runId is { Length: > 0 }) return runId;
        var newest = (await history.LatestByKindAsync(ct)).GetValueOrDefault(RunKinds.Migrate) ?? throw new JobFailedException(
            "No migration run is recorded in the console's table, so there is nothing to undo. Runs of the deployment guide's own script keep no journal: "
            + "they cannot be undone exactly, and the console offers nothing that guesses.");
        if (Changed(newest)) return newest.RunId;
        var changed = (await history.ListAsync(HistoryDepth, ct)).Where(r => r.Kind == RunKinds.Migrate).OrderByDescending(r => r.StartedAt).FirstOrDefault(Changed);
        if (changed is null) return newest.RunId;
        job.Info($"The newest migration run, {newest.RunId} ({newest.StartedAt:yyyy-MM-dd HH:mm} UTC), changed nothing: undoing {changed.RunId} "
            + $"({changed.StartedAt:yyyy-MM-dd HH:mm} UTC), the newest run that updated products. Name another with --run.");
        return changed.RunId;
    }

    /// <summary>A run without counts (an older console's, the guide's script's) may have changed anything: it counts as changed.</summary>
    private static bool Changed(MigrationRunRecord run) => !run.Counts.TryGetValue(BackfillCounters.Updated, out var updated) || updated > 0;

    /// <summary>
    /// Before an undo writes: refuses while a worker still holds a claim on the open backfill (a migration or a joined
    /// worker is running), or while a newer run's backfill is open; then closes the run's own backfill, left open by a
    /// pause, so that nobody resumes or joins it while its products are put back.
    /// </summary>
    public async Task CloseOpenBackfillAsync(JobContext job, JournaledRun run, CancellationToken ct)
    {
        if (await checkpoints.CurrentAsync(ct) is not { } open) return;
        var now = time.GetUtcNow();
        if ((await checkpoints.SegmentsAsync(open, ct)).FirstOrDefault(s => !s.Done && s.Owner is not null && s.ClaimUntil > now) is { } live)
            throw new JobFailedException($"Backfill {open.Id} is being worked: worker {live.Owner} holds segment {live.Segment} until {live.ClaimUntil:HH:mm:ss} UTC "
                + "(a migration or a joined worker, `migrate --join`, is running). Pause or stop it and wait for its claims to end, or let it finish; "
                + "then run undo again. Nothing was changed.");
        if (open.Id != run.BackfillId)
            throw new JobFailedException($"Backfill {open.Id} of a newer migration run is open (paused). Finish it with `migrate` (or Resume on the Migration page) "
                + "and undo the newest run first, or undo that run (`migrate undo`), which closes it. Nothing was changed.");
        await checkpoints.CloseAsync(open, ct);
        job.Info($"  Closed backfill {open.Id}, left open by a paused run: nobody resumes or joins it while its products are put back; the next `migrate` starts afresh.");
    }

    public async Task<MigrationRunRecord> StartAsync(JobContext job, JournaledRun run, CancellationToken ct)
    {
        var record = new MigrationRunRecord(job.RunId, RunKinds.Undo, job.StartedBy, time.GetUtcNow(), null, RunOutcomes.Running,
            new Dictionary<string, string> { ["run"] = run.RunId, ["backfill"] = run.BackfillId }, new Dictionary<string, long>(), null, null);
        await history.SaveAsync(record, ct);
        return record;
    }

    public async Task FinishAsync(JobContext job, JournaledRun run, MigrationRunRecord record, UndoReport report, CancellationToken ct)
    {
        if (await checkpoints.CurrentAsync(ct) is { } open && open.Id == run.BackfillId)
            await checkpoints.CloseAsync(open, CancellationToken.None); // a paused run's backfill: the next migration starts afresh
        job.Info("Verifying the products after the undo...");
        var verification = await verifier.VerifyAsync(ct);
        job.Info($"  {verification.Products} products, {verification.ProductsWithCreatorId} with a creatorId: the migration (step 7) is no longer done.");
        var outcome = report.Complete ? RunOutcomes.Undone : RunOutcomes.PartlyUndone;
        foreach (var undone in await journal.RunsOfAsync(run.BackfillId, ct))
        {
            if (await history.GetAsync(undone.StartedAt, undone.RunId, ct) is not { } migrated) continue;
            var settings = new Dictionary<string, string>(migrated.Settings) { ["undoneBy"] = job.RunId, ["undoneAt"] = time.GetUtcNow().ToString("o") };
            await history.SaveAsync(migrated with { Outcome = outcome, Settings = settings }, CancellationToken.None);
        }
        await history.SaveAsync(record with
        {
            EndedAt = time.GetUtcNow(), Outcome = report.Complete ? RunOutcomes.Succeeded : RunOutcomes.Failed, Counts = Counts(report),
            Verification = MigrationHistory.Serialize(verification), Error = report.Complete ? null : $"{report.EditedSince} products changed after the run were left alone",
        }, CancellationToken.None);
    }

    public Task EndAsync(JobContext job, MigrationRunRecord record, Exception e, UndoReport report) => history.SaveAsync(record with
    {
        EndedAt = time.GetUtcNow(), Counts = Counts(report),
        Outcome = e is OperationCanceledException && !job.LeaseLost ? RunOutcomes.Cancelled : RunOutcomes.Failed,
        Error = e is OperationCanceledException ? (job.LeaseLost ? "lease lost" : null) : e.Message,
    }, CancellationToken.None);

    private static Dictionary<string, long> Counts(UndoReport r) => new()
    {
        ["products"] = r.Products, ["undone"] = r.Undone, ["alreadyUndone"] = r.AlreadyUndone, ["editedSince"] = r.EditedSince,
    };
}
