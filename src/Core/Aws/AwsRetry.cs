using Polly;
using Polly.Retry;

namespace CreatorPlatform.Core.Aws;

/// <summary>Retries throttling, 5xx answers and failed connections with exponential backoff and jitter.</summary>
public static class AwsRetry
{
    public static ResiliencePipeline Default { get; } = Create(TimeProvider.System);

    public static ResiliencePipeline Create(TimeProvider time, int maxRetries = 5, TimeSpan? baseDelay = null) =>
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
}
