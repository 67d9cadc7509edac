using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What counts as throttling or a transient fault, for the backfill's writes (<see cref="ProductBackfill"/>,
/// <see cref="TransactionalBackfillWriter"/>): once the SDK client's own bounded retry (<see cref="Aws.AwsRetry.MaxAttempts"/>
/// attempts) gave up on one, the writer halves its <see cref="AdaptiveConcurrency"/> gate, waits and sends it again, a
/// few rounds at most. Bookkeeping calls (scan pages, checkpoints, history, lease) are not retried on top of the SDK.
/// </summary>
public static class Throttling
{
    public static bool IsRetryable(Exception e) => e is ProvisionedThroughputExceededException or RequestLimitExceededException
        || e is AmazonDynamoDBException { ErrorCode: "ThrottlingException" } || e is AmazonDynamoDBException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }
        || e is HttpRequestException or TimeoutException or TaskCanceledException;
}
