using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// Brings the tables to <see cref="PlatformSchema"/>: missing tables first, then missing indexes one at a time, each
/// waited for until ACTIVE, then TTL. It reads live state at every step, so a re-run after a crash waits for what is
/// already building and changes nothing that is already right. In AWS mode it only creates the console's own table:
/// the platform's tables belong to its CloudFormation stack.
/// </summary>
public sealed class SchemaApplier(IAmazonDynamoDB dynamoDb, PlatformSchema schema, SchemaStatusService status, AwsContext aws, TimeProvider time)
{
    public const string JobKind = "schema";

    /// <summary>How often a waiting step polls DescribeTable.</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(1);

    /// <summary>
    /// How long a step waits: an index backfill on a large table takes hours on AWS, but no job waits for ever. The
    /// build goes on in DynamoDB after the job stops; a re-run waits for it again.
    /// </summary>
    internal static readonly TimeSpan MaxWait = TimeSpan.FromHours(6);

    /// <summary>How long a table or index just created may stay invisible to DescribeTable before the step fails.</summary>
    internal static readonly TimeSpan MaxInvisible = TimeSpan.FromMinutes(2);

    public async Task ApplyAsync(JobContext job)
    {
        var ct = job.CancellationToken;
        var specs = aws.IsSandbox ? schema.Tables : schema.Tables.Where(t => t.OwnedByConsole).ToList();
        var changes = 0;
        foreach (var spec in specs)
        {
            var current = await status.ReadAsync(spec, ct);
            if (!current.Exists)
            {
                if (current.ReadError is not null) throw new JobFailedException(current.ReadError);
                job.Info($"Creating table {spec.Name}...");
                await dynamoDb.CreateTableAsync(TableRequests.Create(spec), ct);
                changes++;
            }
            await WaitAsync(job, spec, null, ct);
            changes += await AddMissingIndexesAsync(job, spec, ct);
            changes += await EnableTtlAsync(job, spec, ct);
            job.Add("tables");
        }
        if (!aws.IsSandbox)
            job.Warning("AWS mode: only the console's own table is managed here. The platform's tables and indexes come from the storage stack (deployment guide, steps 3-5).");
        job.Set("changes", changes);
        job.Success(changes == 0 ? "✓ Nothing to change: the schema is as expected." : $"✓ Schema applied ({changes} change{(changes == 1 ? "" : "s")}).");
    }

    private async Task<int> AddMissingIndexesAsync(JobContext job, TableSpec spec, CancellationToken ct)
    {
        var changes = 0;
        foreach (var index in spec.Indexes)
        {
            var live = (await status.ReadAsync(spec, ct)).Indexes.First(i => i.Name == index.Name);
            if (!live.Exists)
            {
                job.Info($"Adding index {index.Name} to {spec.Name}...");
                await dynamoDb.UpdateTableAsync(TableRequests.AddIndex(spec, index), ct);
                changes++;
            }
            if (!live.Exists || live.Status != "ACTIVE" || live.Backfilling)
                await WaitAsync(job, spec, index.Name, ct);
        }
        return changes;
    }

    private async Task<int> EnableTtlAsync(JobContext job, TableSpec spec, CancellationToken ct)
    {
        if (spec.TtlAttribute is null) return 0;
        var ttl = await dynamoDb.DescribeTimeToLiveAsync(new DescribeTimeToLiveRequest { TableName = spec.Name }, ct);
        var state = ttl.TimeToLiveDescription?.TimeToLiveStatus?.Value;
        if (state is "ENABLED" or "ENABLING") return 0;
        job.Info($"Turning on time to live for {spec.Name} on '{spec.TtlAttribute}'...");
        await dynamoDb.UpdateTimeToLiveAsync(TableRequests.EnableTtl(spec), ct);
        job.Success($"✓ Time to live on for {spec.Name}");
        return 1;
    }

    /// <summary>Waits until the table, or one of its indexes, is ACTIVE and done backfilling.</summary>
    private async Task WaitAsync(JobContext job, TableSpec spec, string? indexName, CancellationToken ct)
    {
        var what = indexName is null ? spec.Name : $"{indexName} on {spec.Name}";
        var started = time.GetUtcNow();
        var clock = Stopwatch.StartNew();
        string? lastReported = null;
        while (true)
        {
            var waited = time.GetUtcNow() - started;
            var table = (await dynamoDb.DescribeTableAsync(spec.Name, ct)).Table;
            var index = indexName is null ? null : (table.GlobalSecondaryIndexes ?? []).FirstOrDefault(i => i.IndexName == indexName);
            var state = indexName is null ? table.TableStatus?.Value : index?.IndexStatus?.Value;
            var backfilling = index?.Backfilling == true;
            if (state == "ACTIVE" && !backfilling && table.TableStatus?.Value == "ACTIVE")
            {
                if (lastReported is not null || clock.Elapsed > TimeSpan.FromSeconds(1))
                    job.Success($"✓ {what} is ACTIVE ({clock.Elapsed.TotalSeconds:0} s)");
                return;
            }
            var report = backfilling ? $"{state}, backfilling" : state ?? "not visible yet";
            if (state is null && waited > MaxInvisible)
                throw new
                    JobFailedException($"{what} did not appear in DescribeTable within {MaxInvisible.TotalMinutes:0} minutes of being created. Check the table, then apply again.");
            if (waited > MaxWait)
                throw new JobFailedException($"{what} is still {report} after {MaxWait.TotalHours:0} hours. DynamoDB goes on building it; apply again later to wait for it.");
            if (report != lastReported) job.Info($"  {what}: {report}");
            lastReported = report;
            await Task.Delay(PollInterval, time, ct);
        }
    }
}
