using System.Threading.Channels;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// A <see cref="FakeTimeProvider"/> that says when code under test starts waiting on it, so that a test advances the
/// clock only once the wait exists (advancing before it would move time without waking anyone).
/// </summary>
public sealed class TimerWatchingClock(DateTimeOffset start) : FakeTimeProvider(start)
{
    private readonly Channel<ITimer> created = Channel.CreateUnbounded<ITimer>();

    public override ITimer CreateTimer(TimerCallback callback, object? state, TimeSpan dueTime, TimeSpan period)
    {
        var timer = base.CreateTimer(callback, state, dueTime, period);
        created.Writer.TryWrite(timer);
        return timer;
    }

    /// <summary>Completes when the next timer (a Task.Delay, a PeriodicTimer) has been created on this clock.</summary>
    public async Task TimerCreatedAsync()
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await created.Reader.ReadAsync(limit.Token);
    }
}
