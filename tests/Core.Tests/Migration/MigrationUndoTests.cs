using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class MigrationUndoTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Migrate_then_undo_gives_back_exactly_the_tables_from_before_the_run()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 150, scanPageSize: 40);
        var partial = LegacyProducts.Generate(3, 42).ToList();
        partial[0]["status"] = new AttributeValue { S = "pending" };
        partial[1]["featured"] = new AttributeValue { BOOL = true };
        partial[2].Remove("updatedAt");
        await MigrationWorld.SeedAsync(services, partial);
        var products = await UndoWorld.SnapshotAsync(services, s => s.Products);
        var creators = await UndoWorld.SnapshotAsync(services, s => s.Creators);
        Assert.Equal(JobState.Succeeded, (await UndoWorld.MigrateAsync(services)).State);

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, undo.State);
        Assert.Equal(153, undo.Counter("undone"));
        Assert.Equal(products, await UndoWorld.SnapshotAsync(services, s => s.Products));
        Assert.Equal(creators, await UndoWorld.SnapshotAsync(services, s => s.Creators));
        Assert.Null(await services.GetRequiredService<CreatorStore>().ReservedByAsync("jesskoufo", default));
        Assert.Contains("✓ Removed the creator jesskoufo", undo.Text());
    }

    [Fact]
    public async Task After_an_undo_overview_step_7_is_no_longer_done()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 20);
        await UndoWorld.MigrateAsync(services);
        var check = services.GetServices<IRolloutCheck>().Single(c => c.Step == "7");
        Assert.Equal(CheckState.Green, (await check.CheckAsync(default)).State);

        await UndoWorld.UndoAsync(services);

        var result = await check.CheckAsync(default);
        Assert.Equal(CheckState.Red, result.State);
        Assert.Contains("undone", result.Detail);
    }

    [Fact]
    public async Task A_product_edited_after_the_run_is_left_alone_listed_and_the_undo_fails()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 30);
        await UndoWorld.MigrateAsync(services);
        var edited = (await MigrationWorld.ProductsAsync(services))[0]["id"].S;
        await services.GetRequiredService<IAmazonDynamoDB>().UpdateItemAsync(new UpdateItemRequest
        {
            TableName = services.GetRequiredService<PlatformSchema>().Products.Name, Key = new() { ["id"] = new() { S = edited } },
            UpdateExpression = "SET #s = :r, updatedAt = :t", ExpressionAttributeNames = new() { ["#s"] = "status" },
            ExpressionAttributeValues = new() { [":r"] = new() { S = "rejected" }, [":t"] = new() { S = "2030-01-01T00:00:00.000Z" } },
        });

        var undo = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Failed, undo.State);
        Assert.Contains(edited, undo.Error);
        Assert.Equal(29, undo.Counter("undone"));
        Assert.Equal(1, undo.Counter("editedSince"));
        var products = (await MigrationWorld.ProductsAsync(services)).ToDictionary(p => p["id"].S);
        Assert.Equal("rejected", products[edited]["status"].S);
        Assert.Equal("2030-01-01T00:00:00.000Z", products[edited]["updatedAt"].S);
        Assert.All(products.Values.Where(p => p["id"].S != edited), p => Assert.False(p.ContainsKey("status")));
        Assert.Contains("stays: the product " + edited + " refers to it", undo.Text());
    }

    [Fact]
    public async Task An_undo_stopped_midway_resumes_and_finishes()
    {
        var slow = new CountingHandler();
        await using var services = await UndoWorld.CreateAsync(emulators, 200, slow, scanPageSize: 20);
        var before = await UndoWorld.SnapshotAsync(services, s => s.Products);
        await UndoWorld.MigrateAsync(services);
        var runner = services.GetRequiredService<JobRunner>();
        var undo = services.GetRequiredService<MigrationUndo>();
        // The first 60 writes pass, the next ones wait until the undo has been stopped: it stops midway on any machine load.
        var release = slow.HoldAfter(60);
        var first = runner.Start(MigrationUndo.JobKind, "undo", j => undo.RunAsync(j, null, dryRun: false));
        await WaitForAsync(() => first.Counter("undone") >= 60);
        await runner.CancelAsync(first, default);
        release.SetResult();
        await first.Completion;

        var second = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Cancelled, first.State);
        Assert.InRange(first.Counter("undone"), 60, 199);
        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Contains("Resuming", second.Text());
        Assert.True(second.Counter("undone") < 200 - 40, "the second undo went through only what the first had not");
        Assert.Equal(before, await UndoWorld.SnapshotAsync(services, s => s.Products));
    }

    [Fact]
    public async Task A_second_undo_writes_nothing()
    {
        var counting = new CountingHandler();
        await using var services = await UndoWorld.CreateAsync(emulators, 50, counting);
        await UndoWorld.MigrateAsync(services);
        await UndoWorld.UndoAsync(services);
        var after = await UndoWorld.SnapshotAsync(services, s => s.Products);
        var writesBefore = counting.ProductWrites;

        var second = await UndoWorld.UndoAsync(services);

        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Equal(0, second.Counter("undone"));
        Assert.Equal(50, second.Counter("alreadyUndone"));
        Assert.Equal(writesBefore, counting.ProductWrites);
        Assert.Equal(after, await UndoWorld.SnapshotAsync(services, s => s.Products));
    }

    [Fact]
    public async Task The_dry_run_counts_what_undo_would_do_and_writes_nothing()
    {
        await using var services = await UndoWorld.CreateAsync(emulators, 25);
        await UndoWorld.MigrateAsync(services);
        var after = await UndoWorld.SnapshotAsync(services, s => s.Products);
        UndoReport? report = null;

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationUndo.DryRunJobKind,
            async j => report = await services.GetRequiredService<MigrationUndo>().RunAsync(j, null, dryRun: true));

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Equal(25, report!.ToUndo);
        Assert.Equal(0, report.Undone);
        Assert.Equal(10, report.Samples.Count);
        Assert.Contains(report.Samples[0].Changes, c => c.Name == "status" && c.Before == "\"approved\"" && c.After == "(absent)");
        Assert.Equal(CreatorRemovalOutcome.WouldRemove, Assert.Single(report.Creators).Outcome);
        Assert.Equal(after, await UndoWorld.SnapshotAsync(services, s => s.Products));
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < deadline, "timed out");
            await Task.Delay(5);
        }
    }

    /// <summary>Counts the UpdateItem, PutItem and DeleteItem requests sent to any products table.</summary>
    private sealed class CountingHandler : DelegatingHandler
    {
        private int writes;
        public int ProductWrites => Volatile.Read(ref writes);
        private (int After, TaskCompletionSource Release)? hold;

        /// <summary>Holds every product write after the next <paramref name="count"/> until the returned source is set.</summary>
        public TaskCompletionSource HoldAfter(int count)
        {
            var release = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            hold = (ProductWrites + count, release);
            return release;
        }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = request.Headers.TryGetValues("X-Amz-Target", out var t) ? t.FirstOrDefault() : null;
            if (target is "DynamoDB_20120810.UpdateItem" or "DynamoDB_20120810.PutItem" or "DynamoDB_20120810.DeleteItem" or "DynamoDB_20120810.BatchWriteItem"
                && request.Content is not null && (await request.Content.ReadAsStringAsync(ct)).Contains("-Products\""))
            {
                var n = Interlocked.Increment(ref writes);
                if (hold is { } h && n > h.After) await h.Release.Task.WaitAsync(TimeSpan.FromMinutes(2), CancellationToken.None);
            }
            return await base.SendAsync(request, ct);
        }
    }
}
