using System.Diagnostics;

namespace CreatorPlatform.Benchmarks;

/// <summary>Peak managed heap and working set while a phase runs, sampled every 20 ms from a collected baseline: for every benchmark.</summary>
public sealed class MemorySampler : IAsyncDisposable
{
    private readonly CancellationTokenSource stop = new();
    private readonly Task loop;
    private long peakManaged, peakWorkingSet;
    private readonly long baselineManaged;

    public MemorySampler()
    {
        GC.Collect(2, GCCollectionMode.Forced, blocking: true, compacting: true);
        GC.WaitForPendingFinalizers();
        baselineManaged = GC.GetTotalMemory(false);
        Sample();
        loop = Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                Sample();
                try { await Task.Delay(20, stop.Token); } catch (OperationCanceledException) { }
            }
        });
    }

    public double PeakManagedMb => Interlocked.Read(ref peakManaged) / 1048576.0;
    /// <summary>The peak above the heap the phase started on (after a full collection): the phase alone, not the seeded lists.</summary>
    public double ManagedGrowthMb => (Interlocked.Read(ref peakManaged) - baselineManaged) / 1048576.0;
    public double PeakWorkingSetMb => Interlocked.Read(ref peakWorkingSet) / 1048576.0;
    /// <summary>What the phase left live: the heap after a full collection at its end, over the baseline (a leak grows this, GC timing does not).</summary>
    public double RetainedMb { get; private set; }

    private void Sample()
    {
        using var process = Process.GetCurrentProcess();
        Max(ref peakManaged, GC.GetTotalMemory(false));
        Max(ref peakWorkingSet, process.WorkingSet64);
    }

    private static void Max(ref long field, long value)
    {
        long seen;
        while ((seen = Interlocked.Read(ref field)) < value && Interlocked.CompareExchange(ref field, value, seen) != seen) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await loop;
        Sample();
        RetainedMb = (GC.GetTotalMemory(forceFullCollection: true) - baselineManaged) / 1048576.0;
        stop.Dispose();
    }
}
