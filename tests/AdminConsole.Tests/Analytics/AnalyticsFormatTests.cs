using AdminConsole.Components.Pages.Analytics;

namespace AdminConsole.Tests.Analytics;

/// <summary>How the rebuild schedule's interval reads beside "scheduled every".</summary>
public sealed class AnalyticsFormatTests
{
    [Theory]
    [InlineData(3600, "hour")]
    [InlineData(7200, "2 hours")]
    [InlineData(1800, "30 minutes")]
    [InlineData(86400, "day")]
    [InlineData(5400, "90 minutes")]
    [InlineData(45, "45 seconds")]
    public void An_interval_reads_as_words_and_never_as_a_clock(int seconds, string expected)
    {
        var words = AnalyticsFormat.Every(TimeSpan.FromSeconds(seconds));

        Assert.Equal(expected, words);
    }
}
