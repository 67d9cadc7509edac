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

    public static async Task<IReadOnlyList<StackResource>> ListAllStackResourcesAsync(this ICloudFormationClient cloudFormation, string stackName,
        CancellationToken ct = default) =>
        (await cloudFormation.DescribeStackResourcesAsync(new() { StackName = stackName }, ct)).StackResources ?? [];
}
