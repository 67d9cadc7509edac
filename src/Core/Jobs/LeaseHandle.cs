using Amazon.DynamoDBv2;

namespace CreatorPlatform.Core.Jobs;

/// <summary>A held lease: renewed in the background until disposed; <see cref="Lost"/> fires if another worker takes it.</summary>
public sealed class LeaseHandle : IAsyncDisposable
{
    private readonly JobLease lease;
    private readonly string name;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task heartbeat;

    internal LeaseHandle(JobLease lease, string name, TimeSpan interval, TimeProvider time)
    {
        this.lease = lease;
        this.name = name;
        heartbeat = BeatAsync(interval, time);
    }

    public CancellationToken Lost => lost.Token;

    private async Task BeatAsync(TimeSpan interval, TimeProvider time)
    {
        try
        {
            while (!stop.IsCancellationRequested)
            {
                await Task.Delay(interval, time, stop.Token);
                try
                {
                    if (!await lease.RenewAsync(name, stop.Token)) { await lost.CancelAsync(); return; }
                }
                catch (AmazonDynamoDBException) { } // a missed beat is survivable: the lease outlives three intervals
                catch (HttpRequestException) { } // so is an emulator restarting
            }
        }
        catch (OperationCanceledException) { }
    }

    public async ValueTask DisposeAsync()
    {
        await stop.CancelAsync();
        await heartbeat;
        await lease.ReleaseAsync(name);
        stop.Dispose();
        lost.Dispose();
    }
}
