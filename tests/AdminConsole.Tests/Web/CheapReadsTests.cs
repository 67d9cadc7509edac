using System.Net;

namespace AdminConsole.Tests.Web;

/// <summary>Pages and endpoints anyone may call cost a bounded, small amount of DynamoDB work, and write nothing.</summary>
public sealed class CheapReadsTests(RecordingConsoleFactory factory) : IClassFixture<RecordingConsoleFactory>
{
    [Fact]
    public async Task Viewing_the_verification_page_reads_the_stored_report_and_runs_nothing()
    {
        var client = factory.ClientAs("viewer");
        await client.GetAsync("/health/live");
        factory.Clear();

        var response = await client.GetAsync("/verification");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"verification-none\"", html);
        Assert.All(factory.Operations, o => Assert.Equal("GetItem", o));
        Assert.DoesNotContain("run-verification", html);
    }

    [Fact]
    public async Task A_loop_on_health_ready_makes_one_describe_table_per_cache_period()
    {
        var client = factory.ClientAs(null);
        await client.GetAsync("/health/live");
        factory.Clear();

        for (var i = 0; i < 100; i++) Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/ready")).StatusCode);

        Assert.InRange(factory.Operations.Count(o => o == "DescribeTable"), 1, 2);
    }
}
