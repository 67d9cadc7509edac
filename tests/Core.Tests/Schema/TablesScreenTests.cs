using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Schema;

/// <summary>The Tables &amp; indexes screen's entry point against DynamoDB Local: status, the metrics' cache, and the schema job.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class TablesScreenTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task A_refresh_reuses_the_metrics_for_thirty_seconds_and_reads_them_again_after()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = emulators.Services(overrides: o => o.AddSingleton<TimeProvider>(time));
        var screen = services.GetRequiredService<TablesScreen>();

        var first = await screen.ReadAsync(null, default);
        time.Advance(TimeSpan.FromSeconds(20));
        var second = await screen.ReadAsync(first, default);
        time.Advance(TimeSpan.FromSeconds(15));
        var third = await screen.ReadAsync(second, default);

        Assert.Null(first.ReadFailure);
        Assert.All(first.Status!.Tables, t => Assert.False(t.Exists));
        Assert.Equal(TableMetricsService.SandboxNote, first.Monitoring?.CloudWatchUnavailable);
        Assert.Same(first.Monitoring, second.Monitoring);
        Assert.NotSame(second.Status, first.Status);
        Assert.Equal(time.GetUtcNow(), third.Monitoring?.ReadAt);
    }

    [Fact]
    public async Task Applying_the_schema_from_the_screen_creates_every_table_and_is_the_latest_apply()
    {
        await using var services = emulators.Services();
        var screen = services.GetRequiredService<TablesScreen>();
        Assert.True(screen.IsSandbox);

        var run = screen.StartApply();
        await run.Completion.WaitAsync(TimeSpan.FromMinutes(3));
        var state = await screen.ReadAsync(TablesScreenState.Empty, default);

        Assert.Equal(JobState.Succeeded, run.State);
        Assert.Same(run, screen.LatestApply());
        Assert.All(state.Status!.Tables, t => Assert.True(t.Exists));
        Assert.Empty(state.TroublesOf(services.GetRequiredService<PlatformSchema>().Products.Name));
    }

    [Fact]
    public async Task What_the_screen_shows_survives_the_prerenders_hand_over_to_the_live_page()
    {
        await using var services = emulators.Services();
        var schema = services.GetRequiredService<PlatformSchema>();
        await services.GetRequiredService<Amazon.DynamoDBv2.IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(schema.LegacyProducts));
        var screen = services.GetRequiredService<TablesScreen>();
        var state = await screen.ReadAsync(null, default);
        var pitr = await screen.ReadPitrAsync(default);

        // The page hands these to its interactive render as JSON (persistent component state), with the web defaults.
        var handed = Roundtrip(new TablesScreenPrerender(state, pitr));

        Assert.Equal(Json(new TablesScreenPrerender(state, pitr)), Json(handed));
        Assert.Equal(state.Status!.Tables.Count, handed.State.Status!.Tables.Count);
        Assert.Contains(handed.State.Status.Findings, f => f.Message.Contains("is missing", StringComparison.Ordinal));
        Assert.Equal(state.Status.HasErrors, handed.State.Status.HasErrors);
        Assert.Equal(state.Monitoring?.CloudWatchUnavailable, handed.State.Monitoring?.CloudWatchUnavailable);
    }

    private static string Json<T>(T value) => System.Text.Json.JsonSerializer.Serialize(value, System.Text.Json.JsonSerializerOptions.Web);

    private static T Roundtrip<T>(T value) => System.Text.Json.JsonSerializer.Deserialize<T>(Json(value), System.Text.Json.JsonSerializerOptions.Web)!;
}
