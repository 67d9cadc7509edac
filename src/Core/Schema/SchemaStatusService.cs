using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;

namespace CreatorPlatform.Core.Schema;

/// <summary>Reads every table's live state in parallel and compares it with <see cref="PlatformSchema"/>.</summary>
public sealed class SchemaStatusService(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AwsContext aws, Troubleshooting.Troubleshooter troubleshooter, TimeProvider time,
    TwoIndexDeploy twoIndexDeploy)
{
    public async Task<PlatformStatus> GetStatusAsync(CancellationToken ct = default)
    {
        var tables = await Task.WhenAll(schema.Tables.Select(spec => ReadAsync(spec, ct)));
        return new PlatformStatus(tables, time.GetUtcNow());
    }

    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Task<TableStatus>>> reading = new(StringComparer.Ordinal);

    /// <summary>
    /// One table's live state. Reads of a table that overlap share one read: the Overview's steps ask for the same tables
    /// at once, and each read is a DescribeTable and a DescribeTimeToLive (which DynamoDB Local answers by counting the
    /// table's items). A read that starts after another ended reads again; a caller that gives up leaves the read to the others.
    /// </summary>
    public Task<TableStatus> ReadAsync(TableSpec spec, CancellationToken ct = default)
    {
        var read = reading.GetOrAdd(spec.Name, name => new Lazy<Task<TableStatus>>(() => ReadSharedAsync(spec, name)));
        return read.Value.WaitAsync(ct);
    }

    private async Task<TableStatus> ReadSharedAsync(TableSpec spec, string name)
    {
        var self = reading[name];
        try
        {
            await Task.Yield();
            // Bounded without the callers' tokens: each request has the SDK's timeout and retries.
            return await ReadOnceAsync(spec, CancellationToken.None);
        }
        finally
        {
            reading.TryRemove(KeyValuePair.Create(name, self));
        }
    }

    private async Task<TableStatus> ReadOnceAsync(TableSpec spec, CancellationToken ct)
    {
        TableDescription table;
        try
        {
            table = (await dynamoDb.DescribeTableAsync(spec.Name, ct)).Table;
        }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            return Missing(spec);
        }
        catch (AmazonDynamoDBException e)
        {
            return Unreadable(spec, AwsErrors.Explain(e, "dynamodb:DescribeTable", spec.Name)) with
            {
                Trouble = troubleshooter.Explain(e, "dynamodb:DescribeTable", spec.Name),
            };
        }

        var ttl = await ReadTtlAsync(spec, ct);
        var indexes = IndexStatuses(spec, table);
        var findings = SchemaDrift.Compare(spec, table, ttl.State, aws.IsSandbox).ToList();
        if (ttl.Error is not null) findings.Add(new(FindingSeverity.Warning, spec.Name, null, ttl.Error));
        if (!aws.IsSandbox && indexes.Any(i => i.AddedByRollout && !i.Exists))
        {
            // CloudFormation adds one index per update: say it before the admin deploys both, and after a deploy rolled back.
            if (await twoIndexDeploy.RollbackAsync(spec, ct) is { } rolledBack) findings.Insert(0, rolledBack);
            if (twoIndexDeploy.Advice(spec, indexes) is { } advice) findings.Insert(0, advice);
        }
        return new TableStatus(spec, true, table.TableStatus?.Value, table.ItemCount, table.TableSizeBytes, BillingMode(table),
            ttl.State, indexes, findings);
    }

    private async Task<(string? State, string? Error)> ReadTtlAsync(TableSpec spec, CancellationToken ct)
    {
        try
        {
            var ttl = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = spec.Name }, ct);
            var description = ttl.TimeToLiveDescription;
            var state = description?.TimeToLiveStatus?.Value ?? "DISABLED";
            return (description?.AttributeName is { } attribute && state != "DISABLED" ? $"{state} ({attribute})" : state, null);
        }
        catch (AmazonDynamoDBException e)
        {
            return (null, $"TTL could not be read: {AwsErrors.Explain(e, "dynamodb:DescribeTimeToLive", spec.Name)}");
        }
    }

    private static List<IndexStatus> IndexStatuses(TableSpec spec, TableDescription table)
    {
        var live = (table.GlobalSecondaryIndexes ?? []).ToDictionary(i => i.IndexName);
        var expected = spec.Indexes.Select(i => live.TryGetValue(i.Name, out var d)
            ? new IndexStatus(i.Name, true, d.IndexStatus?.Value, d.Backfilling == true, d.ItemCount, i.AddedByRollout)
            : new IndexStatus(i.Name, false, null, false, null, i.AddedByRollout));
        var unexpected = live.Values.Where(d => spec.Indexes.All(i => i.Name != d.IndexName))
            .Select(d => new IndexStatus(d.IndexName, true, d.IndexStatus?.Value, d.Backfilling == true, d.ItemCount, false));
        return expected.Concat(unexpected).ToList();
    }

    private static string? BillingMode(TableDescription table) =>
        table.BillingModeSummary?.BillingMode?.Value
        ?? (table.ProvisionedThroughput is { ReadCapacityUnits: > 0 } ? "PROVISIONED" : "PAY_PER_REQUEST");

    private TableStatus Missing(TableSpec spec)
    {
        var action = spec.OwnedByConsole ? "The console creates its own table: use Apply schema (Tables & indexes; on the command line, `schema apply`)."
            : aws.IsSandbox ? "Use Apply schema (Tables & indexes; on the command line, `schema apply`) to create it in the sandbox."
            : $"Deploy the storage stack: npx cdk deploy {aws.Options.StackName}{aws.Options.ProfileArgument()} (deployment guide, step 4).";
        var severity = spec.OwnedByConsole ? FindingSeverity.Warning : FindingSeverity.Error;
        return new TableStatus(spec, false, null, null, null, null, null,
            spec.Indexes.Select(i => new IndexStatus(i.Name, false, null, false, null, i.AddedByRollout)).ToList(),
            [new Finding(severity, spec.Name, null, $"Table {spec.Name} does not exist.", action)]);
    }

    private static TableStatus Unreadable(TableSpec spec, string reason) =>
        new(spec, false, null, null, null, null, null, [], [new Finding(FindingSeverity.Error, spec.Name, null, reason)]) { ReadError = reason };
}
