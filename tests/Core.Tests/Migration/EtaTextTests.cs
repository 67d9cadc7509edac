using CreatorPlatform.Core.Migration;

namespace CreatorPlatform.Core.Tests.Migration;

public sealed class EtaTextTests
{
    [Theory]
    [InlineData(9_960, "2 h 46 min")] // 2 h 46 min read "46:00" as mm:ss
    [InlineData(245, "4:05")]
    [InlineData(3_600, "1 h 0 min")]
    public void The_eta_prints_hours_when_it_is_an_hour_or_more(int secondsLeft, string expected)
    {
        var progress = new MigrationProgress(0, 0, 0, 0, 0, secondsLeft, 1, [], DateTimeOffset.UnixEpoch);

        var text = progress.EtaText;

        Assert.Equal(expected, text);
    }

    [Fact]
    public void An_unknown_eta_is_a_dash()
    {
        var progress = new MigrationProgress(0, 0, 0, 0, 0, null, 0, [], DateTimeOffset.UnixEpoch);

        var text = progress.EtaText;

        Assert.Equal("—", text);
    }
}
