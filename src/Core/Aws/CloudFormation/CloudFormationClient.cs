using System.Xml.Linq;

namespace CreatorPlatform.Core.Aws.CloudFormation;

/// <summary>
/// CloudFormation over the query protocol (form-encoded POST, XML answers). The HttpClient carries the endpoint and the
/// SigV4 handler; a missing BaseAddress means there is no CloudFormation to ask (the sandbox has no emulator for it).
/// </summary>
public sealed class CloudFormationClient(HttpClient http, AwsContext aws) : ICloudFormationClient
{
    private readonly AwsQueryClient query = new(http, ApiVersion, SigningName, aws.Options.Profile,
        "CloudFormation is not available here: the sandbox has no CloudFormation emulator and provides the stack outputs itself.");

    public const string SigningName = "cloudformation";
    public const string EndpointId = "CLOUDFORMATION";
    public const string ApiVersion = "2010-05-15";

    /// <summary>Null in the sandbox unless AWS_ENDPOINT_URL_CLOUDFORMATION points somewhere.</summary>
    public static Uri? Endpoint(AwsContext aws) =>
        aws.EndpointOverride(EndpointId) ?? (aws.IsSandbox ? null : new Uri($"https://cloudformation.{aws.Region.SystemName}.amazonaws.com/"));

    public Task<DescribeStacksResponse> DescribeStacksAsync(DescribeStacksRequest request, CancellationToken ct = default) =>
        SendAsync("DescribeStacks", [("StackName", request.StackName), ("NextToken", request.NextToken)], CloudFormationXml.DescribeStacks, ct);

    public Task<DescribeStackResourcesResponse> DescribeStackResourcesAsync(DescribeStackResourcesRequest request, CancellationToken ct = default) =>
        SendAsync("DescribeStackResources",
            [("StackName", request.StackName), ("LogicalResourceId", request.LogicalResourceId), ("PhysicalResourceId", request.PhysicalResourceId)],
            CloudFormationXml.DescribeStackResources, ct);

    public Task<ListStackResourcesResponse> ListStackResourcesAsync(ListStackResourcesRequest request, CancellationToken ct = default) =>
        SendAsync("ListStackResources", [("StackName", request.StackName), ("NextToken", request.NextToken)], CloudFormationXml.ListStackResources, ct);

    public Task<DescribeStackEventsResponse> DescribeStackEventsAsync(DescribeStackEventsRequest request, CancellationToken ct = default) =>
        SendAsync("DescribeStackEvents", [("StackName", request.StackName), ("NextToken", request.NextToken)], CloudFormationXml.DescribeStackEvents, ct);

    private Task<T> SendAsync<T>(string action, (string Name, string? Value)[] parameters, Func<XElement, T> read, CancellationToken ct) =>
        query.SendAsync(action, parameters, read, ct);
}
