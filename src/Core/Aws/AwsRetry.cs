using System.Net;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Logging;
using Polly;
using Polly.Timeout;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// The one retry policy of AWS calls: throttling, 5xx and 429 answers and failed connections, with exponential backoff
/// and jitter, at most <see cref="MaxAttempts"/> attempts per call. The signed HTTP clients run it as a resilience
/// handler outside their SigV4 handler, so each attempt is signed anew (<see cref="AwsClientsServiceCollectionExtensions"/>);
/// the DynamoDB SDK client is given the same bound (<see cref="AwsContext.DynamoDbConfig"/>). Only the backfill's writes
/// retry on top of it, pacing themselves (<see cref="Migration.Throttling"/>).
/// </summary>
public static class AwsRetry
{
    public const int MaxAttempts = 5;
    public const string PipelineName = "aws-retry";

    /// <summary>The policy as a pipeline for a <see cref="ResilienceHandler"/>; tests shorten <paramref name="baseDelay"/>.</summary>
    public static ResiliencePipeline<HttpResponseMessage> Pipeline(TimeSpan? baseDelay = null, int maxAttempts = MaxAttempts) =>
        Configure(new ResiliencePipelineBuilder<HttpResponseMessage>(), baseDelay, maxAttempts).Build();

    /// <summary>
    /// The policy on <paramref name="builder"/>. With <paramref name="attemptTimeout"/>, each attempt waits that long for its
    /// answer (as <c>Platform:Aws:RequestTimeoutSeconds</c> bounds each attempt of a DynamoDB call) and one that gets none is
    /// retried like a failed connection; after the last, the call fails with Polly's <see cref="TimeoutRejectedException"/>.
    /// </summary>
    public static ResiliencePipelineBuilder<HttpResponseMessage> Configure(ResiliencePipelineBuilder<HttpResponseMessage> builder,
        TimeSpan? baseDelay = null, int maxAttempts = MaxAttempts, ILogger? logger = null, TimeSpan? attemptTimeout = null)
    {
        // The system clock, as the SDK's own retries: a fake clock registered for a test must not freeze a retry's wait.
        builder.TimeProvider = TimeProvider.System;
        builder.AddRetry(new HttpRetryStrategyOptions
        {
            ShouldHandle = args => IsTransientAsync(args.Outcome, args.Context.CancellationToken),
            BackoffType = DelayBackoffType.Exponential,
            UseJitter = true,
            MaxRetryAttempts = maxAttempts - 1,
            Delay = baseDelay ?? new AwsRetryOptions().BaseDelay,
            MaxDelay = TimeSpan.FromSeconds(10),
            ShouldRetryAfterHeader = false,
            OnRetry = args =>
            {
                // One line per retry, never a stack trace: a retry is expected, its reason is all an operator needs.
                logger?.LogWarning("AWS call to {Host} failed ({Reason}); retry {Attempt} of {Max} in {Delay} ms",
                    (args.Outcome.Result?.RequestMessage ?? args.Context.GetRequestMessage())?.RequestUri?.Authority ?? "AWS", Reason(args.Outcome),
                    args.AttemptNumber + 1, maxAttempts - 1,
                    (int)args.RetryDelay.TotalMilliseconds);
                return default;
            },
        });
        // Inside the retry: the timeout bounds one attempt, not the call.
        return attemptTimeout is { } timeout ? builder.AddTimeout(timeout) : builder;
    }

    private static string Reason(Outcome<HttpResponseMessage> outcome) =>
        outcome.Exception is { } e ? $"{e.GetType().Name}: {e.Message}" : $"HTTP {(int)outcome.Result!.StatusCode} {outcome.Result.ReasonPhrase}";

    /// <summary>
    /// Whether an attempt's outcome is worth another: a failed connection, a 5xx or 429, or an error whose code is a
    /// throttling code. JSON protocols name it in <c>x-amzn-ErrorType</c> or <c>__type</c>, the query protocol in the
    /// XML body's Code; the body is buffered, so the client still reads it from the last answer.
    /// </summary>
    internal static async ValueTask<bool> IsTransientAsync(Outcome<HttpResponseMessage> outcome, CancellationToken ct)
    {
        if (outcome.Exception is { } e) return e is HttpRequestException or TimeoutRejectedException;
        if (outcome.Result is not { IsSuccessStatusCode: false } response) return false;
        if ((int)response.StatusCode >= 500 || response.StatusCode == HttpStatusCode.TooManyRequests) return true;
        await response.Content.LoadIntoBufferAsync(ct);
        var body = await response.Content.ReadAsStringAsync(ct);
        var call = new AwsCall("aws", "retry", null);
        var error = body.AsSpan().TrimStart().StartsWith("<")
            ? AwsErrors.FromXml(call, response.StatusCode, body)
            : AwsErrors.FromJson(call, response.StatusCode, AwsJsonClient.ErrorType(response), body);
        return error is ThrottlingException;
    }

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

/// <summary>How the signed HTTP clients' retry waits: its first backoff (tests make it short).</summary>
public sealed class AwsRetryOptions
{
    public TimeSpan BaseDelay { get; set; } = TimeSpan.FromMilliseconds(200);
}

/// <summary>A batch call still had unprocessed items when the retry policy's attempts were spent.</summary>
public sealed class UnprocessedItemsException(string message) : Exception(message);
