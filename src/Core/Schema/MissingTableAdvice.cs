using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// Names the configured tables that do not exist, each with its fix, for a command that met DynamoDB's "Requested
/// resource not found" (which never says which table): the console's own table comes from `schema apply`, the
/// platform's from the storage stack in Mode=Aws.
/// </summary>
public sealed class MissingTableAdvice(IAmazonDynamoDB dynamoDb, PlatformSchema schema, IOptions<PlatformOptions> options)
{
    public async Task<IReadOnlyList<string>> ExplainAsync(CancellationToken ct)
    {
        var lines = new List<string>();
        foreach (var table in schema.Tables)
        {
            try { await dynamoDb.DescribeTableAsync(table.Name, ct); }
            catch (ResourceNotFoundException) { lines.Add(Fix(table)); }
        }
        return lines.Count > 0 ? lines
            : ["DynamoDB answered \"Requested resource not found\", but every configured table exists: an index this command needs may be missing (see `status`)."];
    }

    public string Fix(TableSpec table)
    {
        var o = options.Value;
        if (table.OwnedByConsole || o.Mode == PlatformMode.Sandbox)
            return $"The table {table.Name} does not exist. Create it with Tables & indexes → Apply schema (on the command line, `schema apply`), then run this again.";
        return $"The table {table.Name} does not exist. It belongs to the storage stack {o.StackName}: deploy it (deployment guide, step 4: "
            + $"npx cdk deploy {o.StackName}{o.ProfileArgument()}), or set Platform:Tables:{table.LogicalName} to the table's real name.";
    }
}
