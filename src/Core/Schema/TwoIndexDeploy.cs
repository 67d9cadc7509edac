using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// The storage stack's diff adds both new ProductsTable indexes, and CloudFormation creates at most one index per table
/// per stack update: the deploy rolls back. In Mode=Aws, with both missing, the console says so and gives the two-step
/// deploy; when the stack's last update rolled back for this reason (its events say so), it says that too.
/// </summary>
public sealed class TwoIndexDeploy(ICloudFormationClient cloudFormation, IOptions<PlatformOptions> options)
{
    /// <summary>What CloudFormation's DynamoDB handler says when an update creates two indexes (matched loosely: AWS words it a few ways).</summary>
    private static readonly string[] RollbackReasons = ["more than one GSI", "one global secondary index", "only one GSI", "one GSI creation"];

    /// <summary>The finding for ProductsTable when every index the rollout adds is missing (two or more), else null.</summary>
    public Finding? Advice(TableSpec spec, IReadOnlyList<IndexStatus> indexes)
    {
        var missing = Missing(spec, indexes);
        if (missing.Count < 2) return null;
        return new(FindingSeverity.Error, spec.Name, null,
            $"{string.Join(" and ", missing)} are both missing, and CloudFormation adds one index per table per stack update: "
            + "a deploy that adds both rolls back. Add them in two deploys, waiting between them.", Steps(missing));
    }

    /// <summary>The indexes the rollout adds to <paramref name="spec"/> that the table does not have yet.</summary>
    public static IReadOnlyList<string> Missing(TableSpec spec, IReadOnlyList<IndexStatus> indexes) =>
        spec.Indexes.Where(i => i.AddedByRollout && indexes.Any(s => s.Name == i.Name && !s.Exists)).Select(i => i.Name).ToList();

    /// <summary>The two-step deploy, with the wait between, as commands to copy.</summary>
    public string Steps(IReadOnlyList<string> missing) => Steps(options.Value, missing);

    /// <inheritdoc cref="Steps(IReadOnlyList{string})"/>
    public static string Steps(PlatformOptions o, IReadOnlyList<string> missing)
    {
        var profile = o.ProfileArgument();
        var steps = new List<string>();
        for (var i = 0; i < missing.Count; i++)
        {
            steps.Add($"{i + 1}. In infrastructure/lib/storage-stack.ts add only {missing[i]} to ProductsTable, then: npx cdk deploy {o.StackName}{profile}");
            if (i < missing.Count - 1)
                steps.Add($"   Wait until {missing[i]} is ACTIVE (the Tables page, `status`, or: aws dynamodb describe-table --table-name {o.Tables.Products}{profile} "
                    + $"--query 'Table.GlobalSecondaryIndexes[?IndexName==`{missing[i]}`].IndexStatus'); a large table takes minutes to hours.");
        }
        return "\n" + string.Join("\n", steps);
    }

    /// <summary>
    /// "The stack's last update rolled back because it created two indexes at once", from its newest events; null when
    /// not, or when the events cannot be read (no CloudFormation, no permission): the advice above stands either way.
    /// </summary>
    public async Task<Finding?> RollbackAsync(TableSpec spec, CancellationToken ct)
    {
        var o = options.Value;
        List<StackEvent> events;
        try { events = (await cloudFormation.DescribeStackEventsAsync(new() { StackName = o.StackName }, ct)).StackEvents ?? []; }
        catch (Exception e) when (e is AwsServiceException or HttpRequestException or InvalidOperationException) { return null; }
        // Newest first: the stack's own last update end, or the failure that started its rollback, whichever comes first.
        foreach (var e in events)
        {
            if (e.LogicalResourceId == o.StackName && e.ResourceStatus is "UPDATE_COMPLETE" or "CREATE_COMPLETE") return null;
            if (e.ResourceStatus == "UPDATE_FAILED" && e.ResourceStatusReason is { } reason
                && RollbackReasons.Any(r => reason.Contains(r, StringComparison.OrdinalIgnoreCase)))
                return new(FindingSeverity.Error, spec.Name, null,
                    $"The stack {o.StackName}'s last update rolled back at {e.Timestamp:yyyy-MM-dd HH:mm} UTC: {e.LogicalResourceId}: {reason} "
                    + "CloudFormation adds one index per table per update: deploy the indexes one at a time.");
        }
        return null;
    }
}
