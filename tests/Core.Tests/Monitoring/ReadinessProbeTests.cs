using CreatorPlatform.Core.Monitoring;
using CreatorPlatform.Core.Tests.Analytics;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CreatorPlatform.Core.Tests.Monitoring;

[Collection(EmulatorCollection.Name)]
public sealed class ReadinessProbeTests(EmulatorFixture emulators)
{
    [Fact]
    public async Task Two_hundred_checks_within_the_cache_period_make_one_describe_table()
    {
        var recorder = new RequestRecorder();
        var clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        await using var services = emulators.Services(overrides: s => { recorder.Wire()(s); s.AddSingleton<TimeProvider>(clock); });
        await AnalyticsTables.CreateAsync(services);
        recorder.Clear();
        var probe = services.GetRequiredService<ReadinessProbe>();

        var answers = await Task.WhenAll(Enumerable.Range(0, 200).Select(_ => probe.CheckAsync(CancellationToken.None)));
        var calls = recorder.Count("DescribeTable");
        clock.Advance(ReadinessProbe.CacheFor + TimeSpan.FromSeconds(1));
        await probe.CheckAsync(CancellationToken.None);

        Assert.All(answers, a => Assert.Equal(ReadinessState.Ready, a.State));
        Assert.Equal(1, calls);
        Assert.Equal(2, recorder.Count("DescribeTable"));
    }

    [Fact]
    public async Task A_missing_console_table_is_degraded_not_down()
    {
        await using var services = emulators.Services();

        var readiness = await services.GetRequiredService<ReadinessProbe>().CheckAsync(CancellationToken.None);

        Assert.Equal(ReadinessState.Degraded, readiness.State);
        Assert.Contains("does not exist yet", readiness.Description);
    }
}
