using Amazon.DynamoDBv2;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Tests.Migration;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Analytics;

/// <summary>The Analytics page's entry point against DynamoDB Local.</summary>
[Collection(EmulatorCollection.Name)]
public sealed class AnalyticsScreenTests(EmulatorFixture emulators)
{
    private static readonly DateRange Range = DateRange.For(RangePreset.Last30, new DateOnly(2026, 12, 1));

    [Fact]
    public async Task Without_the_consoles_table_the_figures_read_and_the_health_panels_are_left_out()
    {
        await using var services = await MigrationWorld.CreateAsync(emulators, 0);
        await services.GetRequiredService<IAmazonDynamoDB>().DeleteTableAsync(services.GetRequiredService<PlatformSchema>().Ops.Name);
        var screen = services.GetRequiredService<AnalyticsScreen>();

        var platform = await screen.ReadAsync(null, Range, default);
        var unknown = await screen.ReadAsync("nobody", Range, default);

        Assert.Empty(platform.Overview!.Creators);
        Assert.Null(platform.Creator);
        Assert.Equal(new AnalyticsFigures(null, null), unknown);
        Assert.Null(await screen.ReadHealthAsync(null, default));
        Assert.Equal((true, TimeSpan.FromHours(1)), (screen.ScheduleEnabled, screen.ScheduleInterval));
    }
}
