using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Audit;

/// <summary>An audit entry a process could not write outlives it on disk, and the next start writes it, once.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AuditSpoolTests(EmulatorFixture emulators) : IDisposable
{
    private readonly string spool = Path.Combine(Path.GetTempPath(), $"audit-spool-{Guid.NewGuid():N}");

    [Fact]
    public async Task A_jobs_end_that_its_process_could_not_write_is_written_by_the_next_start_exactly_once()
    {
        Dictionary<string, string?> settings = [];
        JobRun run;
        string kept;
        // The first process: its background retry never comes (its clock stands still), as when a CLI verb exits at once.
        await using (var first = emulators.Services(s => { s["Platform:Audit:SpoolFolder"] = spool; settings = new(s); },
                         s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow))))
        {
            var ops = first.GetRequiredService<PlatformSchema>().Ops;
            var dynamoDb = first.GetRequiredService<IAmazonDynamoDB>();
            await dynamoDb.CreateTableAsync(TableRequests.Create(ops));
            run = await first.GetRequiredService<JobRunner>().RunToEndAsync("analytics-rebuild", async _ => await dynamoDb.DeleteTableAsync(ops.Name));
            kept = first.GetRequiredService<AuditLog>().KeptWhere;
            await dynamoDb.CreateTableAsync(TableRequests.Create(ops));
        }
        var filesAfterExit = Files();
        var keptText = filesAfterExit.Length == 1 ? File.ReadAllText(filesAfterExit[0]) : "";
        await using var second = Restart(settings);
        await using var third = Restart(settings);

        var written = await Task.WhenAll(second.GetRequiredService<AuditLog>().FlushSpoolAsync(default), third.GetRequiredService<AuditLog>().FlushSpoolAsync(default));
        await using var fourth = Restart(settings);
        var writtenLater = await fourth.GetRequiredService<AuditLog>().FlushSpoolAsync(default);

        Assert.Contains($"it is kept {kept}, so a process that ends first leaves it for the next start", run.Text());
        Assert.StartsWith($"in {spool}", kept);
        Assert.Single(filesAfterExit);
        Assert.Contains(run.Id, keptText);
        Assert.True(written.Sum() >= 1);
        Assert.Equal(0, writtenLater);
        Assert.Empty(Files());
        var entries = (await fourth.GetRequiredService<AuditReader>().ReadAsync(new(), null, 100, default)).Entries;
        var end = Assert.Single(entries, e => e.JobId == run.Id);
        Assert.Equal("analytics-rebuild.succeeded", end.Action);
    }

    [Fact]
    public async Task A_start_whose_table_still_does_not_answer_keeps_the_entries_for_the_one_after()
    {
        var settings = new Dictionary<string, string?>();
        await using (var first = emulators.Services(s => { s["Platform:Audit:SpoolFolder"] = spool; settings = new(s); },
                         s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow))))
        {
            var audit = first.GetRequiredService<AuditLog>();
            audit.Defer(audit.Entry(EmulatorFixture.TestAdmin, AuditActions.MemberAdded, "someone"));
        }
        await using var second = Restart(settings);

        var writtenWithoutTable = await second.GetRequiredService<AuditLog>().FlushSpoolAsync(default);
        var filesKept = Files();
        await second.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(second.GetRequiredService<PlatformSchema>().Ops));
        await using var third = Restart(settings);
        var writtenLater = await third.GetRequiredService<AuditLog>().FlushSpoolAsync(default);

        Assert.Equal(0, writtenWithoutTable);
        Assert.Single(filesKept);
        Assert.Equal(1, writtenLater);
        Assert.Empty(Files());
        Assert.Single((await third.GetRequiredService<AuditReader>().ReadAsync(new(), null, 100, default)).Entries, e => e.Target == "someone");
    }

    /// <summary>Another process on the same tables and spool, with a clock that stands still (no background retry of its own).</summary>
    private ServiceProvider Restart(Dictionary<string, string?> settings) => emulators.Services(s => { foreach (var (k, v) in settings) s[k] = v; },
        s => s.AddSingleton<TimeProvider>(new FakeTimeProvider(DateTimeOffset.UtcNow)));

    private string[] Files() => Directory.Exists(spool) ? Directory.GetFiles(spool, "*.json", SearchOption.AllDirectories) : [];

    public void Dispose()
    {
        if (Directory.Exists(spool)) Directory.Delete(spool, recursive: true);
    }
}
