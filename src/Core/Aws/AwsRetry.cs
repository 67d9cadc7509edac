using Polly;
using Polly.Retry;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// The one retry policy of AWS calls: throttling, 5xx answers and failed connections, with exponential backoff and
/// jitter, at most <see cref="MaxAttempts"/> attempts per call. The signed HTTP clients run it through Polly; the
/// DynamoDB SDK client is given the same bound (<see cref="AwsContext.DynamoDbConfig"/>), and nothing retries on top of either.
/// </summary>
public static class AwsRetry
{
    public const int MaxAttempts = 5;

    public static ResiliencePipeline Default { get; } = Create(TimeProvider.System);

    public static ResiliencePipeline Create(TimeProvider time, int maxRetries = MaxAttempts - 1, TimeSpan? baseDelay = null) =>
        new ResiliencePipelineBuilder { TimeProvider = time }
            .AddRetry(new RetryStrategyOptions
            {
                ShouldHandle = new PredicateBuilder()
                    .Handle<ThrottlingException>()
                    .Handle<AwsServiceException>(e => (int)e.StatusCode >= 500)
                    .Handle<HttpRequestException>(),
                BackoffType = DelayBackoffType.Exponential,
                UseJitter = true,
                MaxRetryAttempts = maxRetries,
                Delay = baseDelay ?? TimeSpan.FromMilliseconds(200),
                MaxDelay = TimeSpan.FromSeconds(10),
            })
            .Build();

    /// <summary>
    /// The wait before resending what a batch call left unprocessed (DynamoDB's own throttling signal), within the same
    /// bound as every other call: after <see cref="MaxAttempts"/> rounds the call fails instead of looping for ever.
    /// </summary>
    public static Task UnprocessedBackoffAsync(int attempt, int left, string what, CancellationToken ct)
    {
        if (attempt >= MaxAttempts)
            throw new UnprocessedItemsException($"DynamoDB left {left} {what} unprocessed after {MaxAttempts} attempts (throttled); nothing else was lost. Try again later.");
        return Task.Delay(TimeSpan.FromMilliseconds(Math.Min(2000, 50 << Math.Min(attempt, 6)) * (0.5 + Random.Shared.NextDouble() / 2)), ct);
    }
}

/// <summary>A batch call still had unprocessed items when the retry policy's attempts were spent.</summary>
public sealed class UnprocessedItemsException(string message) : Exception(message);
