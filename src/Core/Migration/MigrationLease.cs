using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Migration;

/// <summary>Who holds a lease, for the message a refused start shows.</summary>
public sealed record LeaseInfo(string Name, string Holder, string Host, string RunId, DateTimeOffset AcquiredAt, DateTimeOffset Until);

public sealed class LeaseHeldException(LeaseInfo held)
    : Exception($"Another {held.Name} run is in progress: started by {held.Holder} on {held.Host} at {held.AcquiredAt:yyyy-MM-dd HH:mm:ss} UTC "
        + $"(run {held.RunId}); its lease runs until {held.Until:HH:mm:ss} UTC unless renewed.")
{
    public LeaseInfo Held { get; } = held;
}

/// <summary>
/// A named lease in the ops table: a conditional put that succeeds only when the lease is free, expired or ours,
/// renewed by a heartbeat. It works across console instances and CLI processes, which the in-process JobRunner cannot.
/// </summary>
public sealed class MigrationLease(IAmazonDynamoDB dynamoDb, PlatformSchema schema, IOptions<PlatformOptions> options, TimeProvider time)
{
    /// <summary>This process's identity as a worker; unique per service instance.</summary>
    public string WorkerId { get; } = $"{Environment.MachineName}/{Environment.ProcessId}/{Guid.NewGuid().ToString("N")[..8]}";

    private TimeSpan Duration => TimeSpan.FromSeconds(options.Value.Migration.LeaseSeconds);

    public async Task<LeaseHandle> AcquireAsync(string name, string holder, string runId, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + Duration;
        var item = Key(name);
        item["ownerId"] = S(WorkerId);
        item["holder"] = S(holder);
        item["host"] = S(Environment.MachineName);
        item["runId"] = S(runId);
        item["acquiredAt"] = S(now.ToString("o"));
        item["leaseUntil"] = N(until.ToUnixTimeMilliseconds());
        item["expiresAt"] = N(until.AddDays(1).ToUnixTimeSeconds());
        try
        {
            await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name,
                Item = item,
                ConditionExpression = "attribute_not_exists(pk) OR leaseUntil < :now OR ownerId = :me",
                ExpressionAttributeValues = new() { [":now"] = N(now.ToUnixTimeMilliseconds()), [":me"] = S(WorkerId) },
            }, ct);
        }
        catch (ConditionalCheckFailedException)
        {
            var held = await ReadAsync(name, ct);
            throw new LeaseHeldException(held ?? new LeaseInfo(name, "unknown", "unknown", "unknown", now, now));
        }
        return new LeaseHandle(this, name, Duration / 3, time);
    }

    public async Task<LeaseInfo?> ReadAsync(string name, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key(name), ConsistentRead = true }, ct);
        if (response.Item is not { Count: > 0 } i) return null;
        string Get(string k) => i.TryGetValue(k, out var v) ? v.S ?? v.N ?? "" : "";
        return new LeaseInfo(name, Get("holder"), Get("host"), Get("runId"),
            DateTimeOffset.TryParse(Get("acquiredAt"), out var at) ? at : default,
            DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(Get("leaseUntil"), out var ms) ? ms : 0));
    }

    /// <summary>Extends the lease; false when another worker has taken it (ours had expired).</summary>
    internal async Task<bool> RenewAsync(string name, CancellationToken ct)
    {
        var until = time.GetUtcNow() + Duration;
        try
        {
            await dynamoDb.UpdateItemAsync(new UpdateItemRequest
            {
                TableName = schema.Ops.Name,
                Key = Key(name),
                UpdateExpression = "SET leaseUntil = :until, expiresAt = :expires",
                ConditionExpression = "ownerId = :me",
                ExpressionAttributeValues = new()
                {
                    [":until"] = N(until.ToUnixTimeMilliseconds()), [":expires"] = N(until.AddDays(1).ToUnixTimeSeconds()), [":me"] = S(WorkerId),
                },
            }, ct);
            return true;
        }
        catch (ConditionalCheckFailedException)
        {
            return false;
        }
    }

    internal async Task ReleaseAsync(string name)
    {
        try
        {
            await Throttling.RetryAsync(() => dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = schema.Ops.Name,
                Key = Key(name),
                ConditionExpression = "ownerId = :me",
                ExpressionAttributeValues = new() { [":me"] = S(WorkerId) },
            }), time, CancellationToken.None);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already taken over by another worker after ours expired: nothing of ours to release.
        }
    }

    private static Dictionary<string, AttributeValue> Key(string name) => new() { ["pk"] = S($"lease#{name}"), ["sk"] = S("lease") };
    private static AttributeValue S(string s) => new() { S = s };
    private static AttributeValue N(long n) => new() { N = n.ToString() };
}

/// <summary>A held lease: renewed in the background until disposed; <see cref="Lost"/> fires if another worker takes it.</summary>
public sealed class LeaseHandle : IAsyncDisposable
{
    private readonly MigrationLease lease;
    private readonly string name;
    private readonly CancellationTokenSource stop = new();
    private readonly CancellationTokenSource lost = new();
    private readonly Task heartbeat;

    internal LeaseHandle(MigrationLease lease, string name, TimeSpan interval, TimeProvider time)
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
