using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Rollback;

/// <summary>One of the deployment guide's rollback options, with this account's commands and what it loses.</summary>
public sealed record StackRollbackOption(string Title, string Commands, string Loses);

/// <summary>
/// Mode=Aws: the console never changes the stack's tables, so the way back from steps 4-5 is the guide's "Rollback
/// Procedure", written out with this account's table names, region and profile.
/// </summary>
public sealed class StackRollbackGuide(PlatformSchema schema, AwsContext aws)
{
    public IReadOnlyList<StackRollbackOption> Options()
    {
        var o = aws.Options;
        var profile = string.IsNullOrWhiteSpace(o.Profile) ? "" : $" --profile {o.Profile}";
        var newTables = schema.Tables.Where(t => !t.PreRollout && !t.OwnedByConsole).Select(t => t.Name).ToList();
        var added = schema.Products.Indexes.Where(i => i.AddedByRollout).Select(i => i.Name).ToList();
        return
        [
            new("Option 1: roll back through CDK (recommended)",
                $"""
                git checkout <commit before the multi-creator change>
                cd infrastructure
                npm run build
                npx cdk diff {o.StackName}{profile}
                npx cdk deploy {o.StackName}{profile}
                """,
                $"CloudFormation removes what the older template lacks: the tables {string.Join(", ", newTables)} (deleted with their data unless their "
                + $"removal policy retains them; cdk diff says which) and the indexes {string.Join(", ", added)} on {schema.Products.Name}. DynamoDB changes "
                + "one index per update: if the deploy is refused, go back in two deploys, one index each. Products keep the attributes the migration "
                + "added: undo the migration first."),
            new("Option 2: delete the new tables by hand",
                string.Join("\n", newTables.Select(t => $"aws dynamodb delete-table --table-name {t} --region {o.Region}{profile}")),
                $"Every item in {string.Join(", ", newTables)}: creators, analytics events and summaries (the guide: \"This will delete all data\"). "
                + $"The stack still declares them, so its next deploy re-creates them empty and drift shows until then. The indexes on {schema.Products.Name} stay "
                + "(the guide keeps them: they do not affect the platform's old code)."),
        ];
    }

    /// <summary>A restore from point-in-time recovery goes to a new table: a last resort, never an undo.</summary>
    public string RestoreNote =>
        $"Last resort: restore a table to a point in time into a new table (aws dynamodb restore-table-to-point-in-time --source-table-name {schema.Products.Name} "
        + $"--target-table-name {schema.Products.Name}-restored --restore-date-time <time> --region {aws.Options.Region}"
        +
            $"{(string.IsNullOrWhiteSpace(aws.Options.Profile) ? "" : $" --profile {aws.Options.Profile}")}), then point the platform at it: the restore loses every write after " +
                $"that time.";
}
