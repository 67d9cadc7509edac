using CreatorPlatform.Core.Tests.Infrastructure;

namespace CreatorPlatform.Core.Tests.Scale;

/// <summary>
/// The yardstick for scale: each screen's reads, as its page makes them on a first view, count the same requests per
/// service and operation at 50 and at 500 creators (each linked to a Cognito user of its own). One world serves every
/// case: measured at 50, grown to 500, measured again; each time after the analytics rebuild (which writes the rollups the
/// overview reads, as the schedule does) and the platform walk (whose facts the screens show).
/// </summary>
[Collection(EmulatorCollection.Name)]
public sealed class ScreenRequestCountTests(EmulatorFixture emulators)
{
    private const int Few = 50, Many = 500;
    private static readonly Lock Gate = new();
    private static Task<Dictionary<string, (IReadOnlyDictionary<string, int> Few, IReadOnlyDictionary<string, int> Many)>>? measured;

    public static TheoryData<string> Screens => new(ScreenReads.All.Keys);

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
        await world.RebuildAnalyticsAsync();
        await world.WalkAsync();
        var few = new Dictionary<string, IReadOnlyDictionary<string, int>>();
        foreach (var (name, read) in ScreenReads.All) few[name] = await world.MeasureAsync(read);
        await world.GrowToAsync(Many);
        await world.RebuildAnalyticsAsync();
        await world.WalkAsync();
        var result = new Dictionary<string, (IReadOnlyDictionary<string, int>, IReadOnlyDictionary<string, int>)>();
        foreach (var (name, read) in ScreenReads.All) result[name] = (few[name], await world.MeasureAsync(read));
        return result;
    }
}
