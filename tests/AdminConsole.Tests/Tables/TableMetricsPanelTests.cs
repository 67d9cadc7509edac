using AdminConsole.Components.Pages.Tables;
using AdminConsole.Components.Shared;
using AdminConsole.Tests.Infrastructure;
using CreatorPlatform.Core.Monitoring;

namespace AdminConsole.Tests.Tables;

public sealed class TableMetricsPanelTests : MudTestContext
{
    public TableMetricsPanelTests() => AsAdmin();

    private static readonly DateTime At = new(2025, 11, 20, 18, 0, 0, DateTimeKind.Utc);

    private static MetricSeries Series(string name, string unit, params double[] values) =>
        new(name, unit, values.Select((v, i) => new MetricPoint(At.AddMinutes(5 * i), v)).ToList());

    [Fact]
    public void An_index_being_built_shows_a_progress_bar_its_throttle_events_and_a_chart_per_metric()
    {
        var metrics = new TableMetrics("ProductsTable", "creatorId-index",
        [
            Series(TableMetricsService.ConsumedWrite, "units", 100, 250, 80),
            Series(TableMetricsService.IndexProgress, "%", 10, 35, 62),
            Series(TableMetricsService.IndexThrottles, "events", 0, 4, 3),
        ]);

        var panel = Render<TableMetricsPanel>(p => p.Add(c => c.Metrics, metrics));

        Assert.Contains("Building: 62% · throttle events 7", panel.Markup);
        Assert.Single(panel.FindAll("[data-testid='index-progress']"));
        Assert.Contains("Write units: <b>430</b>", panel.Find("[data-testid='series-ConsumedWriteCapacityUnits']").InnerHtml);
        Assert.Equal(2, panel.FindAll("[data-testid^='series-']").Count(d => d.QuerySelector("svg") is not null));
    }

    [Fact]
    public void A_table_with_no_index_being_built_has_no_progress_bar()
    {
        var metrics = new TableMetrics("CreatorsTable", null, [Series(TableMetricsService.Throttled, "events")]);

        var panel = Render<TableMetricsPanel>(p => p.Add(c => c.Metrics, metrics));

        Assert.Empty(panel.FindAll("[data-testid='index-progress']"));
        Assert.Contains("no data points", panel.Markup);
    }
}
