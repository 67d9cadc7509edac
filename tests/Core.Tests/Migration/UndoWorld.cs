using System.Text;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>The migration's world with a user pool of its own (for undo's group check), and exact snapshots of a table.</summary>
public static class UndoWorld
{
    public static async Task<ServiceProvider> CreateAsync(EmulatorFixture emulators, int products, DelegatingHandler? handler = null, int scanPageSize = 500)
    {
        string poolId;
        await using (var bootstrap = emulators.Services())
            poolId = (await bootstrap.GetRequiredService<ICognitoClient>().CreateUserPoolAsync(new() { PoolName = "undo-tests", AliasAttributes = ["email"] })).UserPool!.Id!;
        return await MigrationWorld.CreateAsync(emulators, products, s =>
        {
            s["Platform:UserPoolId"] = poolId;
            s["Platform:Migration:ScanPageSize"] = scanPageSize.ToString();
        }, handler);
    }

    public static Task<JobRun> MigrateAsync(IServiceProvider services) =>
        services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

    public static Task<JobRun> UndoAsync(IServiceProvider services, string? runId = null, bool dryRun = false) =>
        services.GetRequiredService<JobRunner>().RunToEndAsync(dryRun ? MigrationUndo.DryRunJobKind : MigrationUndo.JobKind,
            j => services.GetRequiredService<MigrationUndo>().RunAsync(j, runId, dryRun));

    /// <summary>Every item of a table, each attribute written out exactly (type and value), keyed by the item's key.</summary>
    public static async Task<SortedDictionary<string, string>> SnapshotAsync(IServiceProvider services, Func<PlatformSchema, TableSpec> table)
    {
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        var spec = table(services.GetRequiredService<PlatformSchema>());
        var all = new SortedDictionary<string, string>(StringComparer.Ordinal);
        Dictionary<string, AttributeValue>? start = null;
        do
        {
            var page = await dynamoDb.ScanAsync(new ScanRequest { TableName = spec.Name, ExclusiveStartKey = start, ConsistentRead = true });
            foreach (var item in page.Items ?? [])
                all[$"{item[spec.Hash.Name].S}#{(spec.Range is null ? "" : item[spec.Range.Name].S)}"] = Write(item);
            start = page.LastEvaluatedKey is { Count: > 0 } k ? k : null;
        } while (start is not null);
        return all;
    }

    private static string Write(Dictionary<string, AttributeValue> item) =>
        string.Join(", ", item.OrderBy(kv => kv.Key, StringComparer.Ordinal).Select(kv => $"{kv.Key}={Write(kv.Value)}"));

    private static string Write(AttributeValue v)
    {
        var b = new StringBuilder();
        if (v.S is not null) b.Append("S:").Append(v.S);
        else if (v.N is not null) b.Append("N:").Append(v.N);
        else if (v.BOOL is not null) b.Append("BOOL:").Append(v.BOOL);
        else if (v.NULL is not null) b.Append("NULL");
        else if (v.M is not null) b.Append("M{").Append(Write(v.M)).Append('}');
        else if (v.L is not null) b.Append("L[").Append(string.Join(", ", v.L.Select(Write))).Append(']');
        else if (v.SS is not null) b.Append("SS[").Append(string.Join(", ", v.SS.Order(StringComparer.Ordinal))).Append(']');
        else b.Append('?');
        return b.ToString();
    }
}
