using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Monitoring;

public enum ReadinessState { Ready, Degraded, NotReady }

public sealed record Readiness(ReadinessState State, string Description, DateTimeOffset CheckedAt);

/// <summary>
/// Whether DynamoDB answers with the configured credentials: a DescribeTable of the console's own table. The answer
/// is kept for <see cref="CacheFor"/> and shared by concurrent callers, so an anonymous loop on /health/ready costs
/// at most one call per period, whatever its rate.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification =
    "A singleton for the process's life; its SemaphoreSlim never hands out a wait handle.")]
public sealed class ReadinessProbe(IServiceProvider services, PlatformSchema schema, TimeProvider time)
{
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Timeout = TimeSpan.FromSeconds(10);
    private readonly SemaphoreSlim gate = new(1, 1);
    private Readiness? last;

    public async Task<Readiness> CheckAsync(CancellationToken ct)
    {
        if (Fresh() is { } cached) return cached;
        await gate.WaitAsync(ct);
        try
        {
            return Fresh() ?? (last = await ProbeAsync(ct));
        }
        finally
        {
            gate.Release();
        }
    }

    private Readiness? Fresh() => last is { } r && time.GetUtcNow() - r.CheckedAt < CacheFor ? r : null;

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
