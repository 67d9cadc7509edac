using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Rollback;

/// <summary>One drop of the schema undo: an index the rollout added, or a table it created, and how many items it holds now.</summary>
public sealed record SchemaUndoStep(string Table, string? Index, long Items)
{
    public string What => Index is null ? $"table {Table}" : $"index {Index} on {Table}";
    public string Loss => Index is null
        ? $"{Items:N0} items, deleted with the table"
        : $"the index ({Items:N0} items projected; the items stay in {Table})";
}

/// <summary>What "Undo schema" would drop, indexes first, then tables, in the order it runs.</summary>
public sealed record SchemaUndoPlan(IReadOnlyList<SchemaUndoStep> Steps)
{
    public bool NothingToUndo => Steps.Count == 0;
}

/// <summary>
/// The sandbox's way back from steps 4 and 5: drops the indexes the rollout added, one UpdateTable each, waited for
/// until gone, then the tables it created. ProductsTable and the console's own table (the audit log) stay. In
/// Mode=Aws it refuses: the stack owns the tables (see <see cref="StackRollbackGuide"/>).
/// </summary>
public sealed class SchemaUndo(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AwsContext aws, AuditLog audit, TimeProvider time)
{
    public const string JobKind = "schema-undo";
    public const string Title = "Undo schema";
    /// <summary>What the admin types to confirm, on the page and with --confirm.</summary>
    public const string ConfirmText = "undo schema";

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public async Task<SchemaUndoPlan> PlanAsync(CancellationToken ct)
    {
        RefuseOutsideSandbox();
        var steps = new List<SchemaUndoStep>();
        foreach (var spec in schema.Tables.Where(t => t.PreRollout))
        {
            var live = await DescribeAsync(spec.Name, ct);
            foreach (var index in spec.Indexes.Where(i => i.AddedByRollout && live?.GlobalSecondaryIndexes?.Any(g => g.IndexName == i.Name) == true))
                steps.Add(new(spec.Name, index.Name, await CountAsync(spec.Name, index.Name, ct)));
        }
        foreach (var spec in NewTables)
            if (await DescribeAsync(spec.Name, ct) is not null) steps.Add(new(spec.Name, null, await CountAsync(spec.Name, null, ct)));
        return new(steps);
    }

    public async Task RunAsync(JobContext job)
    {
        RefuseOutsideSandbox();
        var ct = job.CancellationToken;
        var plan = await PlanAsync(ct);
        if (plan.NothingToUndo)
        {
            job.Success("✓ Nothing to undo: no index the rollout added and no table it created exists.");
            return;
        }
        foreach (var step in plan.Steps)
        {
            ct.ThrowIfCancellationRequested();
            job.Info($"Dropping {step.What}: loses {step.Loss}...");
            var clock = Stopwatch.StartNew();
            if (step.Index is null) await dynamoDb.DeleteTableAsync(new DeleteTableRequest { TableName = step.Table }, ct);
            else await dynamoDb.UpdateTableAsync(new UpdateTableRequest
            {
                TableName = step.Table,
                GlobalSecondaryIndexUpdates = [new() { Delete = new DeleteGlobalSecondaryIndexAction { IndexName = step.Index } }],
            }, ct);
            await WaitGoneAsync(job, step, ct);
            await audit.WriteAsync(audit.Entry(job.Actor, step.Index is null ? AuditActions.SchemaTableDropped : AuditActions.SchemaIndexDropped,
                step.Index is null ? step.Table : $"{step.Table} / {step.Index}", before: step.Index is null ? $"{step.Items} items" : "ACTIVE", after: "absent",
                detail: "sandbox schema undo", jobId: job.RunId), ct);
            job.Success($"✓ Dropped {step.What} ({clock.Elapsed.TotalSeconds:0} s)");
            job.Add(step.Index is null ? "tables dropped" : "indexes dropped");
        }
        job.Success("✓ The schema is back to before step 4: ProductsTable with its two original indexes, and the console's own table.");
    }

    /// <summary>The tables the rollout created (the guide's step 4): neither ProductsTable nor the console's own.</summary>
    private IEnumerable<TableSpec> NewTables => schema.Tables.Where(t => !t.PreRollout && !t.OwnedByConsole);

    private void RefuseOutsideSandbox()
    {
        if (!aws.IsSandbox) throw new SchemaUndoRefusedException();
    }

    private async Task WaitGoneAsync(JobContext job, SchemaUndoStep step, CancellationToken ct)
    {
        string? last = null;
        while (true)
        {
            var table = await DescribeAsync(step.Table, ct);
            var index = table?.GlobalSecondaryIndexes?.FirstOrDefault(g => g.IndexName == step.Index);
            var gone = step.Index is null ? table is null : index is null && table?.TableStatus?.Value == "ACTIVE";
            if (gone) return;
            var state = step.Index is null ? table!.TableStatus?.Value : index?.IndexStatus?.Value ?? table?.TableStatus?.Value;
            if (state != last) job.Info($"  {step.What}: {state}");
            last = state;
            await Task.Delay(PollInterval, time, ct);
        }
    }

    private async Task<TableDescription?> DescribeAsync(string table, CancellationToken ct)
    {
        try { return (await dynamoDb.DescribeTableAsync(table, ct)).Table; }
        catch (Amazon.DynamoDBv2.Model.ResourceNotFoundException) { return null; }
    }

    /// <summary>An exact count (Select=COUNT reads no items out); the sandbox's tables are small, and this never runs against an account.</summary>
    private async Task<long> CountAsync(string table, string? index, CancellationToken ct)
    {
        long count = 0;
        var scan = dynamoDb.Paginators.Scan(new ScanRequest { TableName = table, IndexName = index, Select = Select.COUNT });
        await foreach (var page in scan.Responses.WithCancellation(ct)) count += page.Count ?? 0;
        return count;
    }
}

public sealed class SchemaUndoRefusedException()
    : Exception("The console never changes the stack's tables in Mode=Aws: roll back with the deployment guide's options (Tables page → Rollback).");
