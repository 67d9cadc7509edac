namespace CreatorPlatform.Benchmarks.Analytics;

/// <summary>The highest managed heap seen while a phase runs, sampled every few milliseconds, above the phase's start.</summary>
internal sealed class MemorySampler : IDisposable
{
    private readonly long baseline;
    private readonly Timer timer;
    private long peak;

    public MemorySampler()
    {
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        baseline = GC.GetTotalMemory(forceFullCollection: true);
        peak = baseline;
        timer = new Timer(_ => Sample(), null, 0, 5);
    }

    public long PeakAboveBaseline => Math.Max(0, Interlocked.Read(ref peak) - baseline);

    private void Sample()
    {
        var now = GC.GetTotalMemory(forceFullCollection: false);
        long seen;
        while (now > (seen = Interlocked.Read(ref peak)) && Interlocked.CompareExchange(ref peak, now, seen) != seen) { }
    }

    public void Dispose()
    {
        Sample();
        timer.Dispose();
    }
}
