using CreatorPlatform.Core;
using System.Diagnostics;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Logging.Abstractions;

namespace Benchmarks.Migration;

/// <summary>
/// <c>migration-probe [--size N] [--rounds N]</c>: the backfill's conditional write sent each way DynamoDB Local accepts it, on fresh
/// products each time, with items/s and the CPU each side spent per product (the emulator's from /proc, the client's
/// own). It answers where a product's cost lies on this machine, which decides the write mode and concurrency defaults.
/// </summary>
public static class WritePathProbe
{
    public static async Task<int> RunAsync(string[] args)
    {
        var at = Array.IndexOf(args, "--size");
        var size = at >= 0 && at + 1 < args.Length ? int.Parse(args[at + 1]) : 3_000;
        var r = Array.IndexOf(args, "--rounds");
        var rounds = r >= 0 && r + 1 < args.Length ? int.Parse(args[r + 1]) : 3;
        var (dynamoPort, cognitoPort) = (SandboxEmulators.FreePort(), SandboxEmulators.FreePort());
        await using var emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"), null,
            dynamoPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false);
        EmulatorCpu.Pid = emulators.ProcessIds[SandboxEmulators.DynamoDbName];
        await using var world = await BenchWorld.CreateAsync(dynamoPort, cognitoPort, TimeSpan.Zero);
        var db = world.DynamoDb;
        var table = world.Products;
        var now = DateTime.UtcNow.ToString("o");
        Console.WriteLine($"Write-path probe: {size:N0} fresh products per way; {Environment.ProcessorCount} cores");
        var rows = new Dictionary<string, List<(double Rate, double Emu, double Me, double Busy)>>();
        async Task Way(string name, int inFlight, int perRequest, Func<string[], Task> send)
        {
            var ids = await world.SeedAsync(size);
            var chunks = ids.Chunk(perRequest).ToList();
            var (emuBefore, meBefore) = (EmulatorCpu.Seconds(), Process.GetCurrentProcess().TotalProcessorTime);
            var clock = Stopwatch.StartNew();
            var next = -1;
            await Task.WhenAll(Enumerable.Range(0, inFlight).Select(async _ =>
            {
                await Task.Yield();
                for (var i = Interlocked.Increment(ref next); i < chunks.Count; i = Interlocked.Increment(ref next)) await send(chunks[i]);
            }));
            var wall = clock.Elapsed.TotalSeconds;
            var emu = EmulatorCpu.Seconds() - emuBefore;
            var me = (Process.GetCurrentProcess().TotalProcessorTime - meBefore).TotalSeconds;
            var key = $"{name} | {inFlight}";
            if (!rows.TryGetValue(key, out var list)) rows[key] = list = [];
            list.Add((size / wall, emu * 1e6 / size, me * 1e6 / size, emu / wall));
        }

        Task Single(string[] ids) => db.UpdateItemAsync(ProductUpdate.Request(table, ids[0], "probe", now));
        Task Script(string[] ids) => OriginalScript.UpdateAsync(db, table, ids[0], "probe");
        Task Transaction(string[] ids, Func<string, UpdateItemRequest> request) => db.TransactWriteItemsAsync(new TransactWriteItemsRequest
        {
            TransactItems = ids.Select(request).Select(u => new TransactWriteItem
            {
                Update = new Update
                {
                    TableName = u.TableName, Key = u.Key, UpdateExpression = u.UpdateExpression, ConditionExpression = u.ConditionExpression,
                    ExpressionAttributeNames = u.ExpressionAttributeNames, ExpressionAttributeValues = u.ExpressionAttributeValues,
                },
            }).ToList(),
        });
        UpdateItemRequest Ours(string id) => ProductUpdate.Request(table, id, "probe", now);
        UpdateItemRequest Plain(string id) => OriginalScript.Request(table, id, "probe");
        UpdateItemRequest Exact(string id)
        {
            var u = OriginalScript.Request(table, id, "probe");
            u.ConditionExpression = "attribute_exists(id) AND attribute_not_exists(creatorId) AND attribute_not_exists(featured) AND attribute_not_exists(#status)";
            return u;
        }
        UpdateItemRequest KeyOnly(string id)
        {
            var u = OriginalScript.Request(table, id, "probe");
            u.ConditionExpression = "attribute_not_exists(creatorId)";
            return u;
        }

        // The backfill reads each product once before it writes it (a Scan page of 500); the flood of known ids does not.
        async Task ScanAsync(string[] ids)
        {
            var read = 0;
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = await db.ScanAsync(new ScanRequest { TableName = table, Limit = 500, ExclusiveStartKey = start });
                read += page.Count ?? 0;
                start = page.LastEvaluatedKey is { Count: > 0 } last ? last : null;
            }
            while (start is not null && read < ids.Length);
        }

        await Way("warm-up", 8, 1, Single);
        await Way("warm-up", 4, 25, ids => Transaction(ids, Ours));
        rows.Clear();
        var ways = new (string, int, int, Func<string[], Task>)[]
        {
            ("the script's UpdateItem", 1, 1, Script),
            ("our conditional UpdateItem", 1, 1, Single),
            ("our conditional UpdateItem", 32, 1, Single),
            // At the backfill's concurrency, beside the ceiling's unconditional update and the Scan that finds the products.
            ("the script's UpdateItem (the single-update ceiling's)", 64, 1, Script),
            ("our conditional UpdateItem", 64, 1, Single),
            ("Scan pages of 500 (products read)", 1, int.MaxValue, ScanAsync),
            ("TransactWriteItems of 100, ours", 4, 100, ids => Transaction(ids, Ours)),
            ("TransactWriteItems of 25, ours", 4, 25, ids => Transaction(ids, Ours)),
            ("TransactWriteItems of 25, unconditional SET (the script's)", 4, 25, ids => Transaction(ids, Plain)),
            ("TransactWriteItems of 25, plain SET if all three absent", 4, 25, ids => Transaction(ids, Exact)),
            ("TransactWriteItems of 25, plain SET if creatorId absent", 4, 25, ids => Transaction(ids, KeyOnly)),
            ("TransactWriteItems of 100, plain SET if all three absent", 4, 100, ids => Transaction(ids, Exact)),
        };
        for (var round = 0; round < rounds; round++)
            foreach (var (name, n, per, send) in ways) await Way(name, n, per, send);
        Console.WriteLine($"Medians of {rounds} rounds, the ways interleaved:");
        Console.WriteLine("| way | in flight | items/s | emulator CPU µs/product | client CPU µs/product | emulator cores busy |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        static double Median(IEnumerable<double> v) { var s = v.Order().ToList(); return s[s.Count / 2]; }
        foreach (var (key, list) in rows)
            Console.WriteLine($"| {key} | {Median(list.Select(r => r.Rate)):N0} | {Median(list.Select(r => r.Emu)):N0} | {Median(list.Select(r => r.Me)):N0} "
                + $"| {Median(list.Select(r => r.Busy)):0.00} |");
        return 0;
    }
}
