namespace CreatorPlatform.Core.Aws.CloudFormation;

/// <summary>The CloudFormation reads the console uses, shaped like the SDK's IAmazonCloudFormation.</summary>
public interface ICloudFormationClient
{
    Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken ct = default);
    Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken ct = default);
    Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken ct = default);
    Task<ListStackResourcesResponse> ListStackResourcesAsync(ListStackResourcesRequest request, CancellationToken ct = default);
}
