using CreatorPlatform.Core.Migration;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Migration;

/// <summary>Platform:Migration:MaxWriteRate paces writes to the rate asked for, on a clock the test moves.</summary>
public sealed class WriteRateLimiterTests
{
    [Theory]
    [InlineData(1, 1)]
    [InlineData(5, 4)]
    [InlineData(15, 4)]
    [InlineData(25, 4)]
    [InlineData(100, 8)]
    [InlineData(1000, 64)]
    public void Writers_sharing_the_limiter_get_the_rate_asked_for_within_ten_percent(int perSecond, int writers)
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var limiter = new WriteRateLimiter(perSecond, clock);
        var window = TimeSpan.FromSeconds(20);
        var start = clock.GetUtcNow();
        // Each writer asks for its next permit once its previous one was granted, as each lane of the backfill does, and
        // wakes a little late (up to 15 ms), as timers do on a busy machine.
        var due = new PriorityQueue<int, DateTimeOffset>();
        for (var w = 0; w < writers; w++) due.Enqueue(w, start + limiter.Reserve(1));

        var granted = 0;
        while (due.TryDequeue(out var writer, out var at) && at < start + window)
        {
            var woke = at + TimeSpan.FromMilliseconds(writer * 7 % 16);
            if (woke > clock.GetUtcNow()) clock.SetUtcNow(woke);
            granted++;
            due.Enqueue(writer, clock.GetUtcNow() + limiter.Reserve(1));
        }

        var rate = granted / window.TotalSeconds;
        Assert.InRange(rate, perSecond * 0.9, perSecond * 1.1);
    }

    [Fact]
    public async Task A_permit_waits_on_the_clock_until_its_slot_and_no_longer()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new WriteRateLimiter(5, clock);

        using var first = await limiter.AcquireAsync(1);
        var second = limiter.AcquireAsync(1).AsTask();
        clock.Advance(TimeSpan.FromMilliseconds(199));
        var waitingAt199 = !second.IsCompleted;
        clock.Advance(TimeSpan.FromMilliseconds(1));
        using var granted = await second.WaitAsync(TimeSpan.FromSeconds(30));

        Assert.True(first.IsAcquired);
        Assert.True(waitingAt199);
        Assert.True(granted.IsAcquired);
    }

    [Fact]
    public void An_idle_limiter_saves_up_no_burst()
    {
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        using var limiter = new WriteRateLimiter(10, clock);
        limiter.Reserve(1);
        clock.Advance(TimeSpan.FromMinutes(5));

        var waits = Enumerable.Range(0, 3).Select(_ => limiter.Reserve(1)).ToList();

        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMilliseconds(50), TimeSpan.FromMilliseconds(150)], waits.Select(w => TimeSpan.FromMilliseconds(Math.Round(w.TotalMilliseconds))));
    }
}
