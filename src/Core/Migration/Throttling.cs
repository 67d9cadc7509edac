using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>What counts as throttling or a transient fault, and a jittered retry for the job's bookkeeping calls.</summary>
public static class Throttling
{
    public static bool IsRetryable(Exception e) => e is ProvisionedThroughputExceededException or RequestLimitExceededException
        || e is AmazonDynamoDBException { ErrorCode: "ThrottlingException" } || e is AmazonDynamoDBException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }
        || e is HttpRequestException or TimeoutException or TaskCanceledException
        // The SDK's adaptive mode refuses to send when its client-side capacity is spent: a throttle too.
        || e is Amazon.Runtime.AmazonClientException { Message: var m } && m.Contains("capacity", StringComparison.OrdinalIgnoreCase);

    /// <summary>Retries a bookkeeping call (scan page, checkpoint, history, lease) through throttling with jittered backoff.</summary>
    public static async Task<T> RetryAsync<T>(Func<Task<T>> call, TimeProvider time, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try { return await call(); }
            catch (Exception e) when (attempt < 10 && IsRetryable(e) && !ct.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMilliseconds(Random.Shared.Next(50, 100 << Math.Min(attempt, 6))), time, ct);
            }
        }
    }

    public static Task RetryAsync(Func<Task> call, TimeProvider time, CancellationToken ct) =>
        RetryAsync(async () => { await call(); return true; }, time, ct);
}
