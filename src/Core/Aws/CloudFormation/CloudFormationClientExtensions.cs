namespace CreatorPlatform.Core.Aws.CloudFormation;

public static class CloudFormationClientExtensions
{
    /// <summary>The stack's outputs by key; <see cref="StackNotFoundException"/> when the stack does not exist.</summary>
    public static async Task<IReadOnlyDictionary<string, string>> GetStackOutputsAsync(this ICloudFormationClient cloudFormation, string stackName,
        CancellationToken ct = default)
    {
        var response = await cloudFormation.DescribeStacksAsync(new() { StackName = stackName }, ct);
        var stack = response.Stacks?.FirstOrDefault()
            ?? throw new StackNotFoundException(stackName, $"Stack with id {stackName} does not exist", System.Net.HttpStatusCode.OK);
        return (stack.Outputs ?? []).Where(o => o.OutputKey is not null)
            .ToDictionary(o => o.OutputKey!, o => o.OutputValue ?? "");
    }

    /// <summary>
    /// Every resource of the stack, page by page with ListStackResources: DescribeStackResources stops at 100, and a
    /// real backend stack has more.
    /// </summary>
    public static async Task<IReadOnlyList<StackResourceSummary>> ListAllStackResourcesAsync(this ICloudFormationClient cloudFormation, string stackName,
        CancellationToken ct = default)
    {
        var all = new List<StackResourceSummary>();
        string? token = null;
        do
        {
            var page = await cloudFormation.ListStackResourcesAsync(new() { StackName = stackName, NextToken = token }, ct);
            all.AddRange(page.StackResourceSummaries ?? []);
            token = string.IsNullOrEmpty(page.NextToken) ? null : page.NextToken;
        }
        while (token is not null);
        return all;
    }
}
