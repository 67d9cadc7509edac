using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.Caching.Hybrid;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Monitoring;

public enum ReadinessState { Ready, Degraded, NotReady }

[System.ComponentModel.ImmutableObject(true)]
public sealed record Readiness(ReadinessState State, string Description, DateTimeOffset CheckedAt);

/// <summary>
/// Whether DynamoDB answers with the configured credentials: a DescribeTable of the console's own table. The answer
/// is kept for <see cref="CacheFor"/> and shared by concurrent callers, so an anonymous loop on /health/ready costs
/// at most one call per period, whatever its rate.
/// </summary>
public sealed class ReadinessProbe(IServiceProvider services, PlatformSchema schema, TimeProvider time, HybridCache cache)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private static readonly HybridCacheEntryOptions Entry = new()
    {
        Expiration = CacheFor, LocalCacheExpiration = CacheFor, Flags = HybridCacheEntryFlags.DisableDistributedCache,
    };

    public Task<Readiness> CheckAsync(CancellationToken ct) =>
        cache.GetOrCreateAsync("readiness", this, static (self, token) => new ValueTask<Readiness>(self.ProbeAsync(token)), Entry, cancellationToken: ct).AsTask();

    private async Task<Readiness> ProbeAsync(CancellationToken ct)
    {
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(Timeout);
        try
        {
            // Resolved here: without credentials the client cannot even be made, and that is "not ready", not a crash.
            var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
            var table = await dynamoDb.DescribeTableAsync(schema.Ops.Name, limit.Token);
            return new(ReadinessState.Ready, $"DynamoDB reachable; {schema.Ops.Name} is {table.Table.TableStatus}.", time.GetUtcNow());
        }
        catch (ResourceNotFoundException)
        {
            return new(ReadinessState.Degraded, $"DynamoDB reachable, but {schema.Ops.Name} does not exist yet (Tables & indexes → Apply schema).", time.GetUtcNow());
        }
        catch (Exception e) when (!ct.IsCancellationRequested)
        {
            return new(ReadinessState.NotReady, $"DynamoDB not reachable with the configured credentials: {e.Message}", time.GetUtcNow());
        }
    }
}
