namespace CreatorPlatform.Core.Aws.CloudWatch;

/// <summary>The CloudWatch reads the console uses, shaped like the SDK's IAmazonCloudWatch.</summary>
public interface ICloudWatchClient
{
    Task<GetMetricDataResponse> GetMetricDataAsync(GetMetricDataRequest request, CancellationToken ct = default);
}
