using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Analytics;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Migration;
using CreatorPlatform.Core.Rollout;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using CreatorPlatform.Core.Verification;
using CreatorPlatform.Core.Walk;
using Microsoft.Extensions.DependencyInjection;

namespace CreatorPlatform.Core.Tests.Scale;

/// <summary>
/// The yardstick for scale: each screen's reads, as its page makes them on a first view, count the same requests per
/// service and operation at 50 and at 500 creators (each linked to a Cognito user of its own). One world serves every
/// case: measured at 50, grown to 500, measured again.
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ScreenRequestCountTests(EmulatorFixture emulators)
{
    private const int Few = 50, Many = 500;
    private static readonly Lock Gate = new();
    private static Task<Dictionary<string, (IReadOnlyDictionary<string, int> Few, IReadOnlyDictionary<string, int> Many)>>? measured;

    public static TheoryData<string> Screens => new(ScreenReads.Keys);

    [Theory]
    [MemberData(nameof(Screens))]
    public async Task A_screen_makes_as_many_requests_at_500_creators_as_at_50(string screen)
    {
        var all = await MeasuredAsync();

        var (few, many) = all[screen];

        Assert.NotEmpty(few);
        Assert.Equal(Describe(few), Describe(many));
    }

    private static string Describe(IReadOnlyDictionary<string, int> counts) => string.Join(", ", counts.Select(c => $"{c.Key} {c.Value}"));

    private Task<Dictionary<string, (IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>)>> MeasuredAsync()
    {
        lock (Gate) return measured ??= MeasureAllAsync(emulators);
    }

    private static async Task<Dictionary<string, (IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>)>> MeasureAllAsync(EmulatorFixture emulators)
    {
        await using var world = await ScaleWorld.CreateAsync(emulators);
        await world.GrowToAsync(Few);
        await world.WalkAsync();
        var few = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var (name, read) in ScreenReads) few[name] = await world.MeasureAsync(read);
        await world.GrowToAsync(Many);
        await world.WalkAsync();
        var result = new Dictionary<string, (IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>)>();
        foreach (var (name, read) in ScreenReads) result[name] = (few[name], await world.MeasureAsync(read));
        return result;
    }

    /// <summary>What each page reads when it opens, through the screen's Core entry points.</summary>
    private static readonly IReadOnlyDictionary<string, Func<IServiceProvider, Task>> ScreenReads = new Dictionary<string, Func<IServiceProvider, Task>>
    {
        ["creators list"] = async s =>
        {
            await s.GetRequiredService<UserPoolLocator>().GetAsync(default);
            await s.GetRequiredService<CreatorOverview>().ListAsync(new CreatorListQuery(), default);
            await s.GetRequiredService<PlatformFactsStore>().LatestAsync(default);
        },
        ["creators search by e-mail"] = s => s.GetRequiredService<CreatorOverview>().ListAsync(new CreatorListQuery(Search: "creator-0000"), default),
        ["one creator"] = async s =>
        {
            await s.GetRequiredService<CreatorScreen>().ReadAsync(ScaleSeed.Slug(7), default);
            await s.GetRequiredService<AccessCheckService>().CheckOneAsync(ScaleSeed.Slug(7), default);
        },
        ["overview"] = async s =>
        {
            await s.GetRequiredService<RolloutChecklist>().RunAsync(default);
            await s.GetRequiredService<PlatformFactsStore>().LatestAsync(default);
        },
        ["tables"] = async s =>
        {
            var screen = s.GetRequiredService<TablesScreen>();
            await screen.ReadAsync(null, default);
            await screen.ReadPitrAsync(default);
        },
        ["migration"] = async s =>
        {
            var screen = s.GetRequiredService<MigrationScreen>();
            await screen.ReadAsync(default);
            await screen.BaselineAsync(default);
        },
        ["analytics"] = async s =>
        {
            var screen = s.GetRequiredService<AnalyticsScreen>();
            await screen.ReadAsync(null, DateRange.LastDays(30, DateRange.Today(TimeProvider.System)), default);
            await screen.ReadHealthAsync(null, default);
        },
        ["verification"] = s => s.GetRequiredService<VerificationReportService>().LatestAsync(default),
    };
}
