using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Migration;

[Collection(EmulatorCollection.Name)]
public sealed class MigrationResilienceTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_run_cancelled_part_way_resumes_from_its_checkpoints_and_completes_with_exact_counts()
    {
        string? products = null;
        await using var services = await MigrationWorld.CreateAsync(emulators, 150, s =>
        {
            s["Platform:Migration:Segments"] = "2";
            s["Platform:Migration:ScanPageSize"] = "10";
            s["Platform:Migration:MaxConcurrency"] = "4";
            s["Platform:Migration:WriteMode"] = "Single"; // the handler counts UpdateItems
            products = s["Platform:Tables:Products"];
        }, new CancelAfter(() => products!, 60));
        var job = services.GetRequiredService<MigrationJob>();
        var runner = services.GetRequiredService<JobRunner>();
        var first = runner.Start(MigrationJob.JobKind, "Migration", job.RunAsync);
        CancelAfter.Run = first;
        await first.Completion;

        var second = await runner.RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Cancelled, first.State);
        Assert.Equal(JobState.Succeeded, second.State);
        Assert.Contains("Resuming from checkpoints", second.Text());
        Assert.Equal(150, first.Counter("updated") + second.Counter("updated"));
        Assert.True(second.Counter("scanned") < 150, second.Counter("scanned").ToString());
        Assert.Single(await services.GetRequiredService<CreatorStore>().FindBySlugAsync("jesskoufo", default));
    }

    [Fact]
    public async Task A_second_run_while_another_worker_holds_the_lease_is_refused_with_who_holds_it()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 5);
        var otherWorker = ActivatorUtilities.CreateInstance<JobLease>(services);
        var held = await otherWorker.AcquireAsync(MigrationJob.LeaseName, "alice", "run-1", default);
        var job = services.GetRequiredService<MigrationJob>();
        var runner = services.GetRequiredService<JobRunner>();

        var refused = await runner.RunToEndAsync(MigrationJob.JobKind, job.RunAsync);
        await held.DisposeAsync();
        var after = await runner.RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.Equal(JobState.Failed, refused.State);
        Assert.Contains("started by alice", refused.Error);
        Assert.Equal(0, refused.Counter("updated"));
        Assert.Equal(JobState.Succeeded, after.State);
    }

    [Fact]
    public async Task Throttling_in_the_http_pipeline_still_ends_with_every_product_migrated_once()
    {
        ProductWritesHandler? handler = null;
        await using var services = await MigrationWorld.CreateAsync(emulators, 100, s =>
        {
            s["Platform:Migration:WriteMode"] = "Single"; // the handler throttles UpdateItems
            handler = new ProductWritesHandler(s["Platform:Tables:Products"]!) { Throttle = n => n % 4 == 0 };
        }, new Lazy(() => handler!));
        var job = services.GetRequiredService<MigrationJob>();

        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(MigrationJob.JobKind, job.RunAsync);

        Assert.True(run.State == JobState.Succeeded, run.Text());
        Assert.True(handler!.Throttled >= 25, handler.Throttled.ToString());
        Assert.Equal(100, handler.Succeeded.Count);
        Assert.All(handler.Succeeded, s => Assert.Equal(1, s.Value));
        Assert.Equal(100, run.Counter("updated"));
        Assert.Equal(0, run.Counter("failed"));
    }

    /// <summary>Cancels the run once the products table has seen a number of UpdateItem calls.</summary>
    private sealed class CancelAfter(Func<string> table, int updates) : DelegatingHandler
    {
        public static JobRun? Run;
        private int seen;

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            if (request.Headers.TryGetValues("X-Amz-Target", out var t) && t.FirstOrDefault() == "DynamoDB_20120810.UpdateItem"
                && request.Content?.ReadAsStringAsync(ct).Result.Contains($"\"{table()}\"") == true && Interlocked.Increment(ref seen) >= updates)
                Run?.Cancel();
            return base.SendAsync(request, ct);
        }
    }

    /// <summary>Forwards to a handler made once the settings (and so the table names) are known.</summary>
    private sealed class Lazy(Func<DelegatingHandler> inner) : DelegatingHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var target = inner();
            target.InnerHandler ??= InnerHandler;
            return new HttpMessageInvoker(target, disposeHandler: false).SendAsync(request, ct);
        }
    }
}
