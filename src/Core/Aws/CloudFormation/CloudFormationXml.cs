using System.Globalization;
using System.Xml.Linq;

namespace CreatorPlatform.Core.Aws.CloudFormation;

/// <summary>Reads the query protocol's XML answers; element names are matched without their namespace.</summary>
internal static class CloudFormationXml
{
    public static DescribeStacksResponse DescribeStacks(XElement root)
    {
        var result = Child(root, "DescribeStacksResult");
        return new(Members(result, "Stacks").Select(s => new Stack
        {
            StackId = Value(s, "StackId"),
            StackName = Value(s, "StackName"),
            Description = Value(s, "Description"),
            StackStatus = Value(s, "StackStatus"),
            StackStatusReason = Value(s, "StackStatusReason"),
            CreationTime = Time(s, "CreationTime"),
            LastUpdatedTime = Time(s, "LastUpdatedTime"),
            Outputs = Members(s, "Outputs").Select(o => new Output
            {
                OutputKey = Value(o, "OutputKey"),
                OutputValue = Value(o, "OutputValue"),
                Description = Value(o, "Description"),
                ExportName = Value(o, "ExportName"),
            }).ToList(),
        }).ToList(), Value(result, "NextToken"));
    }

    public static DescribeStackResourcesResponse DescribeStackResources(XElement root) =>
        new(Members(Child(root, "DescribeStackResourcesResult"), "StackResources").Select(r => new StackResource
        {
            StackId = Value(r, "StackId"),
            StackName = Value(r, "StackName"),
            LogicalResourceId = Value(r, "LogicalResourceId"),
            PhysicalResourceId = Value(r, "PhysicalResourceId"),
            ResourceType = Value(r, "ResourceType"),
            ResourceStatus = Value(r, "ResourceStatus"),
            ResourceStatusReason = Value(r, "ResourceStatusReason"),
            Description = Value(r, "Description"),
            Timestamp = Time(r, "Timestamp"),
        }).ToList());

    public static ListStackResourcesResponse ListStackResources(XElement root)
    {
        var result = Child(root, "ListStackResourcesResult");
        return new(Members(result, "StackResourceSummaries").Select(r => new StackResourceSummary
        {
            LogicalResourceId = Value(r, "LogicalResourceId"),
            PhysicalResourceId = Value(r, "PhysicalResourceId"),
            ResourceType = Value(r, "ResourceType"),
            ResourceStatus = Value(r, "ResourceStatus"),
            ResourceStatusReason = Value(r, "ResourceStatusReason"),
            LastUpdatedTimestamp = Time(r, "LastUpdatedTimestamp"),
        }).ToList(), Value(result, "NextToken"));
    }

    public static DescribeStackEventsResponse DescribeStackEvents(XElement root)
    {
        var result = Child(root, "DescribeStackEventsResult");
        return new(Members(result, "StackEvents").Select(e => new StackEvent
        {
            EventId = Value(e, "EventId"),
            LogicalResourceId = Value(e, "LogicalResourceId"),
            PhysicalResourceId = Value(e, "PhysicalResourceId"),
            ResourceType = Value(e, "ResourceType"),
            ResourceStatus = Value(e, "ResourceStatus"),
            ResourceStatusReason = Value(e, "ResourceStatusReason"),
            Timestamp = Time(e, "Timestamp"),
        }).ToList(), Value(result, "NextToken"));
    }

    private static XElement? Child(XElement? parent, string name) => parent?.Elements().FirstOrDefault(e => e.Name.LocalName == name);

    private static IEnumerable<XElement> Members(XElement? parent, string list) =>
        Child(parent, list)?.Elements().Where(e => e.Name.LocalName == "member") ?? [];

    private static string? Value(XElement? parent, string name) => Child(parent, name)?.Value;

    private static DateTime? Time(XElement parent, string name) =>
        Value(parent, name) is { } text
            ? DateTime.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal)
            : null;
}
