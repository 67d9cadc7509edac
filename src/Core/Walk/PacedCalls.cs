using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Walk;

/// <summary>
/// One walk's paces for both services, and the retry that slows both down at a throttling answer: shared by the platform
/// walk and the command line's walks (<c>access check</c>, <c>group list</c>), so each stays under the same settable rates.
/// </summary>
public sealed class PacedCalls(WalkOptions settings, TimeProvider time, Action<string> throttled)
{
    public Pace Cognito { get; } = new(settings.CognitoRequestsPerSecond, time);
    public Pace DynamoDb { get; } = new(settings.DynamoDbRequestsPerSecond, time);
    public int Parallelism { get; } = Math.Max(1, settings.Parallelism);

    /// <summary>Runs <paramref name="read"/> until it is not throttled, halving both paces at each throttling answer.</summary>
    public async Task<T> PatientlyAsync<T>(Func<Task<T>> read, CancellationToken ct)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await read();
            }
            catch (Exception e) when (IsThrottling(e))
            {
                Cognito.SlowDown();
                DynamoDb.SlowDown();
                throttled($"Throttled ({e.Message}): slowing down to {Cognito.PerSecond:N1} Cognito and {DynamoDb.PerSecond:N1} DynamoDB requests a second.");
                await Task.Delay(TimeSpan.FromSeconds(Math.Min(30, attempt * 2)), time, ct);
            }
        }
    }

    public static bool IsThrottling(Exception e) => e switch
    {
        AwsServiceException aws => aws.ErrorCode is "TooManyRequestsException" or "ThrottlingException" or "Throttling" or "LimitExceededException"
            || aws.StatusCode == System.Net.HttpStatusCode.TooManyRequests,
        AmazonDynamoDBException d => d.ErrorCode is "ThrottlingException" or "ProvisionedThroughputExceededException" or "RequestLimitExceeded",
        _ => false,
    };
}
