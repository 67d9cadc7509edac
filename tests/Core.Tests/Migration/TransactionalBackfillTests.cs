using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class TransactionalBackfillTests(EmulatorFixture emulators)
{
    private static void Transactions(Dictionary<string, string?> s)
    {
        s["Platform:Migration:WriteMode"] = "Transaction";
        s["Platform:Migration:TransactionItems"] = "7";
        s["Platform:Migration:ScanPageSize"] = "20";
    }

    [Fact]
    public async Task Transaction_mode_migrates_every_product_exactly_as_one_update_per_product_does()
    {
        await using var single = await MigrationWorld.CreateAsync(emulators, 45);
        await using var transactional = await MigrationWorld.CreateAsync(emulators, 45, Transactions);
        var partial = LegacyProducts.Generate(2, 99).ToList();
        partial[0]["status"] = new AttributeValue { S = "pending" };
        partial[1]["featured"] = new AttributeValue { BOOL = true };
        await MigrationWorld.SeedAsync(single, partial);
        await MigrationWorld.SeedAsync(transactional, partial);

        var singleRun = await RunAsync(single);
        var transactionalRun = await RunAsync(transactional);

        Assert.Equal(JobState.Succeeded, transactionalRun.State);
        Assert.Equal(47, transactionalRun.Counter("updated"));
        Assert.Equal(singleRun.Counter("updated"), transactionalRun.Counter("updated"));
        Assert.Equal(0, transactionalRun.Counter("failed"));
        var expected = (await MigrationWorld.ProductsAsync(single)).ToDictionary(p => p["id"].S, Shape);
        var actual = (await MigrationWorld.ProductsAsync(transactional)).ToDictionary(p => p["id"].S, Shape);
        Assert.Equal(expected.OrderBy(e => e.Key), actual.OrderBy(e => e.Key));
        Assert.Equal("pending", actual[partial[0]["id"].S].Split('|')[1]);
    }

    [Fact]
    public async Task A_product_completed_or_deleted_meanwhile_is_skipped_and_the_rest_of_its_transaction_is_written()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        var products = LegacyProducts.Generate(5, 3).ToList();
        await MigrationWorld.SeedAsync(services, products);
        var ids = products.Select(p => p["id"].S).ToList();
        var table = services.GetRequiredService<PlatformSchema>().Products.Name;
        var dynamoDb = services.GetRequiredService<IAmazonDynamoDB>();
        await dynamoDb.UpdateItemAsync(new UpdateItemRequest
        {
            TableName = table, Key = new() { ["id"] = new AttributeValue { S = ids[1] } },
            UpdateExpression = "SET creatorId = :c, featured = :f, #s = :s", ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues =
                new() { [":c"] = new AttributeValue { S = "a-creator" }, [":f"] = new AttributeValue { S = "true" }, [":s"] = new AttributeValue { S = "pending" } },
        });
        await dynamoDb.DeleteItemAsync(table, new Dictionary<string, AttributeValue> { ["id"] = new AttributeValue { S = ids[3] } });
        var gate = new AdaptiveConcurrency(1, 1);
        await gate.EnterAsync(default);

        var outcome = await services.GetRequiredService<TransactionalBackfillWriter>().WriteAsync(ids, "the-creator", "2026-12-02T00:00:00.000Z", gate);

        Assert.Equal(new[] { ids[0], ids[2], ids[4] }.Order(), outcome.Updated.Order());
        Assert.Equal(new[] { ids[1], ids[3] }.Order(), outcome.Skipped.Order());
        Assert.Empty(outcome.Failed);
        var after = (await MigrationWorld.ProductsAsync(services)).ToDictionary(p => p["id"].S);
        Assert.False(after.ContainsKey(ids[3]));
        Assert.Equal("a-creator", after[ids[1]]["creatorId"].S);
        Assert.Equal("pending", after[ids[1]]["status"].S);
        Assert.All(new[] { ids[0], ids[2], ids[4] }, id => Assert.Equal("the-creator", after[id]["creatorId"].S));
        await gate.EnterAsync(new CancellationTokenSource(TimeSpan.FromSeconds(5)).Token); // the slot was given back
    }

    [Fact]
    public async Task A_conflict_reason_retries_the_whole_transaction_and_an_unknown_reason_fails_only_its_product()
    {
        var handler = new CancelFirstTransaction("""[{"Code":"None"},{"Code":"TransactionConflict","Message":"Transaction is ongoing for the item"},{"Code":"None"}]""");
        await using var services = await MigrationWorld.CreateAsync(emulators, 0, handler: handler);
        var products = LegacyProducts.Generate(3, 5).ToList();
        await MigrationWorld.SeedAsync(services, products);
        var ids = products.Select(p => p["id"].S).ToList();
        var writer = services.GetRequiredService<TransactionalBackfillWriter>();
        var gate = new AdaptiveConcurrency(2, 2);
        await gate.EnterAsync(default);
        handler.Arm();

        var retried = await writer.WriteAsync(ids, "the-creator", "2026-12-02T00:00:00.000Z", gate);
        var sentForConflict = handler.Sent;
        await MigrationWorld.SeedAsync(services, products);
        handler.Reasons = """[{"Code":"None"},{"Code":"ValidationError","Message":"Item size has exceeded the maximum allowed size"},{"Code":"None"}]""";
        handler.Arm();
        await gate.EnterAsync(default);
        var failedOne = await writer.WriteAsync(ids, "the-creator", "2026-12-02T00:00:00.000Z", gate);

        Assert.Equal(ids.Order(), retried.Updated.Order());
        Assert.Empty(retried.Skipped);
        Assert.Equal(2, sentForConflict); // cancelled once, then sent again whole (the SDK's own retry takes a conflict, else the writer's)
        Assert.Equal(new[] { ids[0], ids[2] }.Order(), failedOne.Updated.Order());
        var failure = Assert.Single(failedOne.Failed);
        Assert.Equal(ids[1], failure.ProductId);
        Assert.Contains("ValidationError", failure.Error);
        var after = (await MigrationWorld.ProductsAsync(services)).ToDictionary(p => p["id"].S);
        Assert.False(after[ids[1]].ContainsKey("creatorId"));
    }

    [Fact]
    public async Task The_dry_run_bills_a_transaction_twice_and_says_so()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 30, Transactions);
        await RunAsync(services); // the creator exists, so only the products are billed
        await MigrationWorld.SeedAsync(services, LegacyProducts.Generate(30, 7));
        var dry = services.GetRequiredService<MigrationDryRun>();
        DryRunReport? report = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationDryRun.JobKind, async j => report = await dry.RunAsync(j));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(BackfillWriteMode.Transaction, report!.WriteMode);
        Assert.Equal(60, report.WriteUnits);
        Assert.Contains("written in transactions: 60 for the products, one write per product would bill 30", run.Text());
    }

    private static Task<JobRun> RunAsync(IServiceProvider services) =>
        services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, services.GetRequiredService<MigrationJob>().RunAsync);

    private static string Shape(Dictionary<string, AttributeValue> p) =>
        $"{(p.ContainsKey("creatorId") ? "creator" : "-")}|{p.GetValueOrDefault("status")?.S}|{ProductUpdate.Describe(p.GetValueOrDefault("featured"))}";

    /// <summary>Once armed, answers the next TransactWriteItems as DynamoDB does when it cancels one, with the given reasons; later ones go through.</summary>
    private sealed class CancelFirstTransaction(string reasons) : DelegatingHandler
    {
        private int answered = 1, sent; // unarmed: the schema job's audited transactions go through
        public string Reasons { get; set; } = reasons;
        /// <summary>TransactWriteItems requests seen, the cancelled ones included.</summary>
        public int Sent => Volatile.Read(ref sent);

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (target != "DynamoDB_20120810.TransactWriteItems") return await base.SendAsync(request, ct);
            Interlocked.Increment(ref sent);
            if (Interlocked.Exchange(ref answered, 1) == 1) return await base.SendAsync(request, ct);
            return new HttpResponseMessage(System.Net.HttpStatusCode.BadRequest)
            {
                Content = new StringContent(
                    $$"""{"__type":"com.amazonaws.dynamodb.v20120810#TransactionCanceledException","CancellationReasons":{{Reasons}},"Message":"Transaction cancelled,""" +
                    """ please refer cancellation reasons for specific reasons"}""",
                    System.Text.Encoding.UTF8, "application/x-amz-json-1.0"),
            };
        }

        /// <summary>The next transaction is cancelled, with <see cref="Reasons"/>; <see cref="Sent"/> counts from here.</summary>
        public void Arm()
        {
            Volatile.Write(ref sent, 0);
            Volatile.Write(ref answered, 0);
        }
    }
}
