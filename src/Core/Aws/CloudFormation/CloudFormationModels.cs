namespace CreatorPlatform.Core.Aws.CloudFormation;

// Shapes named and spelled like AWSSDK.CloudFormation's (v4: collections may be null).

public sealed record DescribeStacksRequest
{
    public string? StackName { get; init; }
    public string? NextToken { get; init; }
}

public sealed record DescribeStacksResponse(List<Stack>? Stacks, string? NextToken);

public sealed record Stack
{
    public string? StackId { get; init; }
    public string? StackName { get; init; }
    public string? Description { get; init; }
    public string? StackStatus { get; init; }
    public string? StackStatusReason { get; init; }
    public DateTime? CreationTime { get; init; }
    public DateTime? LastUpdatedTime { get; init; }
    public List<Output>? Outputs { get; init; }

    public string? Output(string key) => Outputs?.FirstOrDefault(o => o.OutputKey == key)?.OutputValue;
}

public sealed record Output
{
    public string? OutputKey { get; init; }
    public string? OutputValue { get; init; }
    public string? Description { get; init; }
    public string? ExportName { get; init; }
}

public sealed record DescribeStackResourcesRequest
{
    public string? StackName { get; init; }
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
}

public sealed record DescribeStackResourcesResponse(List<StackResource>? StackResources);

public sealed record StackResource
{
    public string? StackId { get; init; }
    public string? StackName { get; init; }
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
    public string? Description { get; init; }
    public DateTime? Timestamp { get; init; }
}

public sealed record ListStackResourcesRequest
{
    public string? StackName { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>One page of a stack's resources (AWS pages them, 100 at most per answer): NextToken is null on the last.</summary>
public sealed record ListStackResourcesResponse(List<StackResourceSummary>? StackResourceSummaries, string? NextToken);

public sealed record StackResourceSummary
{
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
    public DateTime? LastUpdatedTimestamp { get; init; }
}

public sealed record DescribeStackEventsRequest
{
    public string? StackName { get; init; }
    public string? NextToken { get; init; }
}

/// <summary>A page of the stack's events, newest first.</summary>
public sealed record DescribeStackEventsResponse(List<StackEvent>? StackEvents, string? NextToken);

public sealed record StackEvent
{
    public string? EventId { get; init; }
    public string? LogicalResourceId { get; init; }
    public string? PhysicalResourceId { get; init; }
    public string? ResourceType { get; init; }
    public string? ResourceStatus { get; init; }
    public string? ResourceStatusReason { get; init; }
    public DateTime? Timestamp { get; init; }
}
