using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

public sealed record ProductFailure(string ProductId, string Error);

/// <summary>What this run of the backfill did (the checkpoints hold the totals over every run).</summary>
public sealed record BackfillResult(long Scanned, long Updated, long Skipped, long Failed, IReadOnlyList<ProductFailure> Failures, int Throttles);

/// <summary>
/// Step 2: a parallel scan of ProductsTable whose segments are claimed from the checkpoints, each page's updates
/// written concurrently through an adaptive gate, and the page's last evaluated key saved once its writes are done.
/// </summary>
public sealed class ProductBackfill(IAmazonDynamoDB dynamoDb, PlatformSchema schema, BackfillCheckpoints checkpoints, JobLease lease,
    IOptions<PlatformOptions> options, TimeProvider time, BackfillPageWriter pages, ILogger<ProductBackfill> logger)
{
    private MigrationOptions Settings => options.Value.Migration;

    /// <summary>
    /// Works the plan's segments, a few at a time (SegmentsPerWorker), each claimed from the checkpoints so that other
    /// workers can share the rest. <paramref name="untilDone"/> false (a worker joining a run) leaves once nothing is
    /// claimable; true (the run's owner) also waits for segments other workers hold until they finish or expire.
    /// </summary>
    public Task<BackfillResult> RunAsync(JobContext job, BackfillPlan plan, string creatorId, CancellationToken ct, int? maxConcurrency = null, bool untilDone = true) =>
        RunAsync(job, plan, creatorId, maxConcurrency, untilDone, CancellationToken.None, ct);

    /// <param name="fence">Fires when this worker may no longer write (beside the job's own lease): a joined worker's run stopped.</param>
    public async Task<BackfillResult> RunAsync(JobContext job, BackfillPlan plan, string creatorId, int? maxConcurrency, bool untilDone,
        CancellationToken fence, CancellationToken ct)
    {
        var max = Math.Max(1, maxConcurrency ?? Settings.MaxConcurrency);
        using var fences = CancellationTokenSource.CreateLinkedTokenSource(job.Fence, fence);
        var run = new BackfillRun(job, plan, creatorId, new AdaptiveConcurrency(Math.Min(8, max), max),
            Settings.MaxWriteRate > 0 ? new WriteRateLimiter(Settings.MaxWriteRate, time) : null) { Fence = fences.Token };
        using var _ = run.RateLimiter;
        var lanes = Math.Clamp(Settings.SegmentsPerWorker, 1, plan.Segments);
        await Task.WhenAll(Enumerable.Range(0, lanes).Select(_ => LaneAsync(run, untilDone, ct)));
        job.Set(BackfillCounters.Throttles, run.Gate.Throttles);
        return new BackfillResult(job.Counter(BackfillCounters.Scanned), job.Counter(BackfillCounters.Updated), job.Counter(BackfillCounters.Skipped),
            job.Counter(BackfillCounters.Failed), run.Failures.ToList(), run.Gate.Throttles);
    }

    private async Task LaneAsync(BackfillRun run, bool untilDone, CancellationToken ct)
    {
        while (true)
        {
            var open = (await checkpoints.SegmentsAsync(run.Plan, ct)).Where(s => !s.Done && !run.Active.ContainsKey(s.Segment)).ToList();
            if (open.Count == 0) return; // what is left, if anything, is being worked by this worker's other lanes
            SegmentState? claimed = null;
            var claimedAt = time.GetUtcNow();
            foreach (var s in open)
            {
                ct.ThrowIfCancellationRequested(); // no new claim once stopped (the claim below is not cancelled midway)
                if (!run.Active.TryAdd(s.Segment, 0)) continue;
                claimedAt = time.GetUtcNow();
                // Not cancelled midway: a claim that lands as a pause cancels its wait would be held (until it expires) by a
                // worker that no longer knows it holds it, and an undo right after the pause was refused for it. Claimed, a
                // cancelled lane releases it below.
                if ((claimed = await checkpoints.TryClaimAsync(run.Plan, s.Segment, lease.WorkerId, CancellationToken.None)) is not null) break;
                run.Active.TryRemove(s.Segment, out _);
            }
            if (claimed is null)
            {
                // A claim also fails when another lane finished the segment meanwhile: wait only for other live workers.
                var left = (await checkpoints.SegmentsAsync(run.Plan, ct)).Where(s => !s.Done && !run.Active.ContainsKey(s.Segment)).ToList();
                if (left.Count == 0 || !untilDone) return;
                if (left.Any(s => s.Owner is null || s.Owner == lease.WorkerId)) continue;
                if (await TakeOverDeadAsync(run, left, ct) is { } orphan) claimed = orphan;
                else
                {
                    await Task.Delay(TimeSpan.FromSeconds(Settings.LeaseSeconds / 3.0), time, ct);
                    continue;
                }
            }
            try { await HoldAndProcessAsync(run, claimed, claimedAt, ct); }
            finally
            {
                if (ct.IsCancellationRequested) await checkpoints.ReleaseAsync(run.Plan, claimed.Segment, lease.WorkerId);
                run.Active.TryRemove(claimed.Segment, out _);
            }
        }
    }

    /// <summary>
    /// Works a claimed segment while a heartbeat renews its claim, however long a page takes (a throttled page can
    /// outlast a claim). A claim lost (taken, or not renewed in time) stops this segment's writes before another worker
    /// may take it; the lane then moves on, and the segment is left to whoever holds it.
    /// </summary>
    private async Task HoldAndProcessAsync(BackfillRun run, SegmentState claimed, DateTimeOffset claimedAt, CancellationToken ct)
    {
        var n = claimed.Segment;
        var claim = new Heartbeat($"claim on segment {n}", c => checkpoints.RenewClaimAsync(run.Plan, n, lease.WorkerId, c),
            lease.Duration, claimedAt, time, logger);
        await using (claim)
        {
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct, claim.Lost);
            using var fence = CancellationTokenSource.CreateLinkedTokenSource(run.Fence, claim.Lost);
            try
            {
                await ProcessSegmentAsync(run, claimed, stop.Token, fence.Token);
            }
            catch (OperationCanceledException) when (claim.Lost.IsCancellationRequested && !ct.IsCancellationRequested)
            {
                run.Job.Warning($"  Segment {n}: {claim.LostReason}; its writes stopped, and it is left to the worker that holds it.");
            }
        }
    }

    /// <summary>Claims a segment whose owner was a process on this host that is gone (a crashed or killed CLI), or null.</summary>
    private async Task<SegmentState?> TakeOverDeadAsync(BackfillRun run, IEnumerable<SegmentState> left, CancellationToken ct)
    {
        foreach (var s in left)
        {
            if (WorkerProcess.FromWorkerId(s.Owner)?.IsGoneFromThisHost() != true || !run.Active.TryAdd(s.Segment, 0)) continue;
            if (await checkpoints.TryClaimAsync(run.Plan, s.Segment, lease.WorkerId, CancellationToken.None, deadOwner: s.Owner) is { } claimed)
            {
                run.Job.Info($"  Took over segment {s.Segment} from {WorkerProcess.FromWorkerId(s.Owner)}, which is gone.");
                return claimed;
            }
            run.Active.TryRemove(s.Segment, out _);
        }
        return null;
    }

    private async Task ProcessSegmentAsync(BackfillRun run, SegmentState state, CancellationToken ct, CancellationToken fence)
    {
        var pageSize = Settings.MaxWriteRate > 0
            ? Math.Clamp(Settings.MaxWriteRate * Settings.LeaseSeconds / (3 * run.Plan.Segments), 1, Settings.ScanPageSize) // a page must fit in a claim
            : Settings.ScanPageSize;
        var next = ScanAsync(state.Segment, run.Plan.Segments, state.LastKey, pageSize, ct);
        while (true)
        {
            var page = await next;
            var lastKey = page.LastEvaluatedKey is { Count: > 0 } key ? key : null;
            if (lastKey is not null) next = ScanAsync(state.Segment, run.Plan.Segments, lastKey, pageSize, ct);
            var items = page.Items ?? [];
            if (items.Count > 0) run.Job.Info($"  Processing batch of {items.Count} products...");
            var tally = await pages.WriteAsync(run, state.Segment, items, ct, fence);
            fence.ThrowIfCancellationRequested();
            state = state with
            {
                LastKey = lastKey, Done = lastKey is null, Scanned = state.Scanned + items.Count, Updated = state.Updated + tally.Updated,
                Skipped = state.Skipped + tally.Skipped, Failed = state.Failed + tally.Failed,
            };
            await checkpoints.SaveAsync(run.Plan, state, lease.WorkerId, fence);
            if (tally.Updated > 0) run.Job.Success($"  ✓ Updated {run.Job.Counter(BackfillCounters.Updated)} products so far...");
            if (lastKey is null) return;
            ct.ThrowIfCancellationRequested();
        }
    }

    private Task<ScanResponse> ScanAsync(int segment, int total, Dictionary<string, AttributeValue>? start, int pageSize, CancellationToken ct) =>
        dynamoDb.ScanAsync(new ScanRequest
        {
            TableName = schema.Products.Name, Segment = segment, TotalSegments = total, ExclusiveStartKey = start, Limit = pageSize,
            ProjectionExpression = ProductUpdate.Projection, ExpressionAttributeNames = ProductUpdate.ProjectionNames,
        }, ct);
}
