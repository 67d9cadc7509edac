using System.Net;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What counts as throttling or a transient fault, for the backfill's writes (<see cref="ProductBackfill"/>,
/// <see cref="TransactionalBackfillWriter"/>): once the SDK client's own bounded retry (<see cref="Aws.AwsRetry.MaxAttempts"/>
/// attempts) gave up on one, the writer halves its <see cref="AdaptiveConcurrency"/> gate, waits and sends it again, a
/// few rounds at most. Bookkeeping calls (scan pages, checkpoints, history, lease) are not retried on top of the SDK.
/// </summary>
public static class Throttling
{
    /// <summary>
    /// By error code, not by exception type: the SDK raises its typed exception only for the codes DynamoDB's model
    /// declares, and any other throttling answer (a 429, "Throttling" from a gateway or an endpoint in front of the
    /// service) as a plain AmazonDynamoDBException or AmazonServiceException carrying the code.
    /// </summary>
    public static bool IsThrottling(Exception e) =>
        e is AmazonServiceException s && (AwsErrors.IsThrottlingCode(s.ErrorCode) || s.StatusCode == HttpStatusCode.TooManyRequests);

    public static bool IsRetryable(Exception e) => IsThrottling(e)
        || e is AmazonServiceException { StatusCode: >= HttpStatusCode.InternalServerError }
        || e is HttpRequestException or TimeoutException or TaskCanceledException;
}
