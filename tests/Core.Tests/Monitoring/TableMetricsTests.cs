using System.Web;
using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Aws;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Troubleshooting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Monitoring;

[Collection(EmulatorCollection.Name)]
public sealed class TableMetricsTests(EmulatorFixture emulators)
{
    private static readonly PlatformSchema Schema = new(Options.Create(new PlatformOptions()));
    private static readonly DateTimeOffset Now = new(2025, 11, 20, 19, 0, 0, TimeSpan.Zero);

    private static TableStatus Products(string creatorIdIndex) => new(Schema.Products, true, "ACTIVE", 300, 1000, "PAY_PER_REQUEST", null,
        [new(PlatformSchema.CreatorIdIndex, true, creatorIdIndex, creatorIdIndex == "CREATING", null, true)], []);

    private static string Answer(params (string Id, double[] Values)[] results) => $"""
        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/"><GetMetricDataResult><MetricDataResults>
        {string.Concat(results.Select(r => $"<member><Id>{r.Id}</Id><StatusCode>Complete</StatusCode><Timestamps>{string.Concat(r.Values.Select((_, i) =>
            $"<member>2025-11-20T18:{10 + 5 * i}:00Z</member>"))}</Timestamps><Values>{string.Concat(r.Values.Select(v => $"<member>{v}</member>"))}</Values></member>"))}
        </MetricDataResults></GetMetricDataResult></GetMetricDataResponse>
        """;

    [Fact]
    public async Task Metrics_of_a_table_and_its_building_index_come_back_as_series_with_progress_and_throttle_events()
    {
        await using var services = emulators.Services();
        await using var server = new LocalHttpServer(new CannedResponse(200, Answer(("m1", [40, 60]), ("m6", [10, 45]), ("m7", [3, 4]))));

        var snapshot = await Service(services, server).ReadAsync([Products("CREATING")], default);

        Assert.Null(snapshot.CloudWatchUnavailable);
        Assert.Equal(100, snapshot.For(Schema.Products.Name)![TableMetricsService.ConsumedWrite]!.Total);
        var index = snapshot.For(Schema.Products.Name, PlatformSchema.CreatorIdIndex)!;
        Assert.Equal(45, index[TableMetricsService.IndexProgress]!.Latest);
        Assert.Equal(7, index[TableMetricsService.IndexThrottles]!.Total);
        var form = HttpUtility.ParseQueryString(Assert.Single(server.Requests).Body);
        Assert.Equal(TableMetricsService.IndexProgress, form["MetricDataQueries.member.7.MetricStat.Metric.MetricName"]);
        Assert.Contains("MetricName=\"ThrottledRequests\"", form["MetricDataQueries.member.3.Expression"]);
    }

    [Fact]
    public async Task An_active_index_asks_for_no_build_progress()
    {
        await using var services = emulators.Services();
        await using var server = new LocalHttpServer(new CannedResponse(200, Answer()));

        await Service(services, server).ReadAsync([Products("ACTIVE")], default);

        Assert.DoesNotContain(TableMetricsService.IndexProgress, Assert.Single(server.Requests).Body);
    }

    [Fact]
    public async Task In_the_sandbox_the_snapshot_says_cloudwatch_is_not_there_and_lists_the_jobs()
    {
        await using var services = emulators.Services();

        var snapshot = await services.GetRequiredService<TableMetricsService>().ReadAsync([Products("ACTIVE")], default);

        Assert.Equal(TableMetricsService.SandboxNote, snapshot.CloudWatchUnavailable);
        Assert.Empty(snapshot.Metrics);
    }

    [Fact]
    public void An_index_seen_building_for_more_than_thirty_minutes_becomes_a_trouble_with_its_throttle_events()
    {
        var time = new FakeTimeProvider(Now);
        var clock = new IndexBuildClock(new Troubleshooter(Options.Create(new PlatformOptions())), time);
        var throttles = new MetricSeries(TableMetricsService.IndexThrottles, "events", [new(Now.UtcDateTime, 12)]);
        var snapshot = new MonitoringSnapshot([new(Schema.Products.Name, PlatformSchema.CreatorIdIndex, [throttles])], null, null, [], Now);

        var first = clock.Observe([Products("CREATING")], snapshot);
        time.Advance(TimeSpan.FromMinutes(31));
        var later = clock.Observe([Products("CREATING")], snapshot);
        var done = clock.Observe([Products("ACTIVE")], snapshot);

        Assert.Empty(first);
        var stuck = Assert.Single(later);
        Assert.Equal((Schema.Products.Name, PlatformSchema.CreatorIdIndex), (stuck.Table, stuck.Index));
        Assert.Contains("throttled 12 times", stuck.Trouble.Explanation);
        Assert.Empty(done);
    }

    private static TableMetricsService Service(IServiceProvider services, LocalHttpServer server)
    {
        var options = Options.Create(new PlatformOptions { Mode = PlatformMode.Aws });
        return new TableMetricsService(AwsTestClients.CloudWatch(server), services.GetRequiredService<JobUsageService>(), new Troubleshooter(options),
            AwsTestClients.Context(), options, new FakeTimeProvider(Now));
    }
}
