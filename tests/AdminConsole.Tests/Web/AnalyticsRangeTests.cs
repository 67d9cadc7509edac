using System.Net;

namespace AdminConsole.Tests.Web;

/// <summary>An absurd range in the analytics URL is refused with the reason, before any read, for everyone.</summary>
public sealed class AnalyticsRangeTests(RecordingConsoleFactory factory) : IClassFixture<RecordingConsoleFactory>
{
    [Theory]
    [InlineData("/analytics?range=custom&from=0001-01-01&to=9999-12-31", "outside 2000-01-01 to 2999-12-31")]
    [InlineData("/analytics/anna?range=custom&from=2020-01-01&to=2026-11-30", "at most 400")]
    public async Task A_range_over_the_bound_shows_the_reason_instead_of_an_error(string url, string reason)
    {
        await factory.ClientAs("viewer").GetAsync("/health/live");
        factory.Clear();

        var response = await factory.ClientAs("viewer").GetAsync(url);
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("data-testid=\"analytics-range-refused\"", html);
        Assert.Contains(reason, html);
        Assert.DoesNotContain("Value to add was out of range", html);
        Assert.DoesNotContain("analytics-error", html);
        Assert.Empty(factory.Operations);
    }
}
