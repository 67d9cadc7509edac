using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Jobs;

/// <summary>Who holds a lease, for the message a refused start shows; <see cref="Process"/> is null for a lease written before it was recorded.</summary>
public sealed record LeaseInfo(string Name, string Holder, string Host, string RunId, DateTimeOffset AcquiredAt, DateTimeOffset Until)
{
    public WorkerProcess? Process { get; init; }
    public string OwnerId { get; init; } = "";
    /// <summary>The job kind of the run holding it (kinds of one family share a lease); empty for a lease written before it was recorded.</summary>
    public string Kind { get; init; } = "";
}

public sealed class LeaseHeldException(LeaseInfo held)
    : Exception($"Another {held.Name} run is in progress: started by {held.Holder} on {held.Host}{(held.Process is { } p ? $" (process {p.Pid})" : "")} "
        + $"at {held.AcquiredAt:yyyy-MM-dd HH:mm:ss} UTC (run {held.RunId}); its lease runs until {held.Until:HH:mm:ss} UTC unless renewed.")
{
    public LeaseInfo Held { get; } = held;
}

/// <summary>
/// A named lease in the ops table, one per job kind: a conditional put that succeeds only when the lease is free,
/// expired or ours, renewed by a heartbeat. It works across console instances and CLI processes. A lease whose holder
/// was a process on this host that no longer exists (a crash, kill -9) is taken over at once instead of waited out.
/// </summary>
/// <remarks><paramref name="process"/> is who this worker says it is: this process, unless a test stands in for another.</remarks>
public sealed class JobLease(IAmazonDynamoDB dynamoDb, PlatformSchema schema, IOptions<PlatformOptions> options, TimeProvider time,
    ILogger<JobLease> logger, WorkerProcess? process = null)
{
    private readonly WorkerProcess me = process ?? WorkerProcess.Current;

    /// <summary>This worker's identity: unique per service instance, naming its process.</summary>
    public string WorkerId { get; } = (process ?? WorkerProcess.Current).NewWorkerId();

    /// <summary>How long a lease (and a segment claim) lasts without renewal.</summary>
    public TimeSpan Duration => TimeSpan.FromSeconds(options.Value.Migration.LeaseSeconds);

    public async Task<LeaseHandle> AcquireAsync(string name, string holder, string runId, CancellationToken ct, string? kind = null)
    {
        var at = time.GetUtcNow();
        if (await TryPutAsync(name, holder, runId, "attribute_not_exists(pk) OR leaseUntil < :now OR ownerId = :me", null, kind, ct) is { } free)
            return new LeaseHandle(this, name, Duration, at, time, logger) { TookOverFrom = free.Previous };
        var held = await ReadAsync(name, ct);
        at = time.GetUtcNow();
        if (held?.Process?.IsGoneFromThisHost() == true
            && await TryPutAsync(name, holder, runId, "ownerId = :dead", held.OwnerId, kind, ct) is { } dead)
            return new LeaseHandle(this, name, Duration, at, time, logger) { TookOverFrom = dead.Previous };
        var now = time.GetUtcNow();
        throw new LeaseHeldException(await ReadAsync(name, ct) ?? held ?? new LeaseInfo(name, "unknown", "unknown", "unknown", now, now));
    }

    /// <summary>
    /// Waits until <see cref="AcquireAsync"/> could take the lease (free, expired, or its holder's process is gone),
    /// reporting the holder and the seconds its lease has left about once a second; false when <paramref name="limit"/> passed first.
    /// </summary>
    public async Task<bool> WaitUntilFreeAsync(string name, TimeSpan limit, Action<LeaseInfo, TimeSpan> waiting, CancellationToken ct)
    {
        var deadline = time.GetUtcNow() + limit;
        while (true)
        {
            var held = await ReadAsync(name, ct);
            var now = time.GetUtcNow();
            // In whole milliseconds, as the put's condition compares them: "free" must mean the put will succeed.
            if (held is null || held.Until.ToUnixTimeMilliseconds() < now.ToUnixTimeMilliseconds() || held.OwnerId == WorkerId
                || held.Process?.IsGoneFromThisHost() == true) return true;
            if (now >= deadline) return false;
            waiting(held, held.Until - now);
            await Task.Delay(TimeSpan.FromSeconds(1), time, ct);
        }
    }

    /// <summary>
    /// Every lease held now (not expired, its holder alive), of any job kind. A Scan of the ops table: only for the
    /// sandbox, whose table is small (its reset must not pull the tables from under a running job).
    /// </summary>
    public async Task<IReadOnlyList<LeaseInfo>> HeldInSandboxAsync(CancellationToken ct)
    {
        var held = new List<LeaseInfo>();
        var scan = dynamoDb.Paginators.Scan(new ScanRequest
        {
            TableName = schema.Ops.Name, ProjectionExpression = "pk",
            FilterExpression = "begins_with(pk, :lease)", ExpressionAttributeValues = new() { [":lease"] = S(OpsKeys.LeasePrefix) },
        });
        await foreach (var page in scan.Responses.WithCancellation(ct))
            foreach (var item in page.Items ?? [])
                if (item["pk"].S is { } pk && await ReadAsync(pk[OpsKeys.LeasePrefix.Length..], ct) is { } lease && lease.Until > time.GetUtcNow()
                    && lease.Process?.IsGoneFromThisHost() != true)
                    held.Add(lease);
        return held;
    }

    public async Task<LeaseInfo?> ReadAsync(string name, CancellationToken ct)
    {
        var response = await dynamoDb.GetItemAsync(new GetItemRequest { TableName = schema.Ops.Name, Key = Key(name), ConsistentRead = true }, ct);
        return response.Item is { Count: > 0 } i ? ToInfo(name, i) : null;
    }

    private static LeaseInfo ToInfo(string name, Dictionary<string, AttributeValue> i)
    {
        string Get(string k) => i.TryGetValue(k, out var v) ? v.S ?? v.N ?? "" : "";
        return new LeaseInfo(name, Get("holder"), Get("host"), Get("runId"),
            DateTimeOffset.TryParse(Get("acquiredAt"), out var at) ? at : default,
            DateTimeOffset.FromUnixTimeMilliseconds(long.TryParse(Get("leaseUntil"), out var ms) ? ms : 0))
        {
            OwnerId = Get("ownerId"),
            Kind = Get("kind"),
            Process = WorkerProcess.FromWorkerId(Get("ownerId")),
        };
    }

    private sealed record Put(LeaseInfo? Previous);

    /// <summary>Null when the condition failed; else what the lease held before, when it named another run (expired, or its process gone).</summary>
    private async Task<Put?> TryPutAsync(string name, string holder, string runId, string condition, string? deadOwner, string? kind, CancellationToken ct)
    {
        var now = time.GetUtcNow();
        var until = now + Duration;
        var item = Key(name);
        item["ownerId"] = S(WorkerId);
        item["holder"] = S(holder);
        item["host"] = S(me.Host);
        item["pid"] = N(me.Pid);
        item["processStartedAt"] = N(me.StartedAtMs);
        item["runId"] = S(runId);
        item["kind"] = S(kind ?? name);
        item["acquiredAt"] = S(now.ToString("o"));
        item["leaseUntil"] = N(until.ToUnixTimeMilliseconds());
        item["expiresAt"] = N(until.AddDays(1).ToUnixTimeSeconds());
        var values = deadOwner is null
            ? new Dictionary<string, AttributeValue> { [":now"] = N(now.ToUnixTimeMilliseconds()), [":me"] = S(WorkerId) }
            : new Dictionary<string, AttributeValue> { [":dead"] = S(deadOwner) };
        try
        {
            var old = (await dynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = schema.Ops.Name, Item = item, ConditionExpression = condition, ExpressionAttributeValues = values, ReturnValues = ReturnValue.ALL_OLD,
            }, ct)).Attributes;
            var previous = old is { Count: > 0 } ? ToInfo(name, old) : null;
            return new Put(previous is not null && previous.OwnerId != WorkerId && previous.RunId != runId ? previous : null);
        }
        catch (ConditionalCheckFailedException)
        {
            return null;
        }
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
            await dynamoDb.DeleteItemAsync(new DeleteItemRequest
            {
                TableName = schema.Ops.Name,
                Key = Key(name),
                ConditionExpression = "ownerId = :me",
                ExpressionAttributeValues = new() { [":me"] = S(WorkerId) },
            }, CancellationToken.None);
        }
        catch (ConditionalCheckFailedException)
        {
            // Already taken over by another worker after ours expired: nothing of ours to release.
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // Unreleased (DynamoDB unreachable), it expires within one lease duration; the job's own outcome matters more.
            logger.LogWarning("The {Lease} lease could not be released ({Error}); it expires within {Seconds} s", name, e.Message, Duration.TotalSeconds);
        }
    }

    private static Dictionary<string, AttributeValue> Key(string name) => OpsKeys.Key(OpsKeys.Lease(name), OpsKeys.LeaseSk);
}
