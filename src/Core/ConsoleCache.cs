using Microsoft.Extensions.Caching.Memory;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Internal;

namespace CreatorPlatform.Core;

/// <summary>The answers kept for a while (readiness, the platform's freshness): one <c>HybridCache</c>, in this process only.</summary>
public static class ConsoleCache
{
    public static IServiceCollection AddConsoleCache(this IServiceCollection services)
    {
        services.AddHybridCache();
        // HybridCache's local tier is a MemoryCache, which keeps its own clock: give it the console's TimeProvider, so
        // that what it keeps expires by the same clock as everything else (and a test's FakeTimeProvider moves it).
        services.AddOptions<MemoryCacheOptions>().Configure<TimeProvider>((o, time) => o.Clock = new Clock(time));
        return services;
    }

    private sealed class Clock(TimeProvider time) : ISystemClock
    {
        public DateTimeOffset UtcNow => time.GetUtcNow();
    }
}
