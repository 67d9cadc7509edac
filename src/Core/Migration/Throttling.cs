using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>
/// What counts as throttling or a transient fault. Bookkeeping calls (scan pages, checkpoints, history, lease) are not
/// retried here on top of the SDK: the client's own bounded retry (<see cref="Aws.AwsRetry.MaxAttempts"/>) is their one policy.
/// </summary>
public static class Throttling
{
    public static bool IsRetryable(Exception e) => e is ProvisionedThroughputExceededException or RequestLimitExceededException
        || e is AmazonDynamoDBException { ErrorCode: "ThrottlingException" } || e is AmazonDynamoDBException { StatusCode: >= System.Net.HttpStatusCode.InternalServerError }
        || e is HttpRequestException or TimeoutException or TaskCanceledException;
}
