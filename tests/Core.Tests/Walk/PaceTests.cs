using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Walk;

public sealed class PaceTests
{
    [Fact]
    public async Task At_two_requests_a_second_the_second_request_waits_half_a_second_for_its_turn()
    {
        var time = new FakeTimeProvider();
        var pace = new Pace(2, time);

        await pace.TakeAsync(1, default);
        var second = pace.TakeAsync(1, default);
        var waitedBefore = second.IsCompleted;
        time.Advance(TimeSpan.FromMilliseconds(500));
        await second.WaitAsync(TimeSpan.FromSeconds(10));

        Assert.False(waitedBefore);
        Assert.True(second.IsCompletedSuccessfully);
    }

    [Fact]
    public void Throttling_halves_the_pace_but_never_below_a_request_every_two_seconds()
    {
        var pace = new Pace(2, new FakeTimeProvider());

        pace.SlowDown();
        var once = pace.PerSecond;
        for (var i = 0; i < 10; i++) pace.SlowDown();

        Assert.Equal((1.0, 0.5), (once, pace.PerSecond));
    }
}
