using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Scale;

/// <summary>
/// The post-rollout tables and a user pool of their own, grown to a number of creators; <see cref="MeasureAsync"/> runs
/// a screen's reads in a fresh console (cold caches, as a new page view in a new process) and counts its requests.
/// </summary>
public sealed class ScaleWorld(EmulatorFixture emulators, ServiceProvider services, Dictionary<string, string?> settings, string poolId) : IAsyncDisposable
{
    public int Creators { get; private set; }

    public IServiceProvider Services => services;

    public static async Task<ScaleWorld> CreateAsync(EmulatorFixture emulators)
    {
        string poolId;
        await using (var bootstrap = emulators.Services())
        {
            var pool = await bootstrap.GetRequiredService<ICognitoClient>().CreateUserPoolAsync(new() { PoolName = "scale-tests", AliasAttributes = ["email"] });
            poolId = pool.UserPool!.Id!;
        }
        var services = emulators.Services(s =>
        {
            s["Platform:UserPoolId"] = poolId;
            s["Platform:Walk:CognitoRequestsPerSecond"] = "2000";
            s["Platform:Walk:DynamoDbRequestsPerSecond"] = "2000";
        });
        var tables = services.GetRequiredService<IOptions<PlatformOptions>>().Value.Tables;
        var settings = new Dictionary<string, string?>
        {
            ["Platform:UserPoolId"] = poolId,
            ["Platform:Tables:Products"] = tables.Products, ["Platform:Tables:Creators"] = tables.Creators,
            ["Platform:Tables:AnalyticsEvents"] = tables.AnalyticsEvents, ["Platform:Tables:AnalyticsSummaries"] = tables.AnalyticsSummaries,
            ["Platform:Tables:Ops"] = tables.Ops,
        };
        // A fresh console finds the sandbox's app client by listing; creating it here keeps that the same at every size.
        await services.GetRequiredService<CreatorPlatform.Core.Access.SandboxSignIn>().ClientIdAsync(poolId, default);
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(SchemaApplier.JobKind, services.GetRequiredService<SchemaApplier>().ApplyAsync);
        Assert.Equal(JobState.Succeeded, run.State);
        await services.GetRequiredService<CreatorsGroupService>().EnsureAsync(default);
        return new ScaleWorld(emulators, services, settings, poolId);
    }

    public async Task GrowToAsync(int creators)
    {
        await ScaleSeed.AddCreatorsAsync(services, poolId, Creators, creators);
        Creators = creators;
    }

    /// <summary>The platform walk over every creator so far, as an admin starts it; its facts are what the screens show.</summary>
    public async Task<Core.Walk.PlatformFacts> WalkAsync()
    {
        var walk = services.GetRequiredService<Core.Walk.PlatformWalk>();
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(Core.Walk.PlatformWalk.JobKind, walk.RunAsync);
        Assert.True(run.State == JobState.Succeeded, run.Text());
        return (await services.GetRequiredService<Core.Walk.PlatformFactsStore>().LatestAsync(default))!;
    }

    /// <summary>The analytics rebuild the schedule runs, which also writes the overview's rollups.</summary>
    public async Task RebuildAnalyticsAsync()
    {
        var rebuilder = services.GetRequiredService<Core.Analytics.AnalyticsRebuilder>();
        var scope = new Core.Analytics.AnalyticsScope(null, Core.Analytics.DateRange.LastDays(7, Core.Analytics.DateRange.Today(TimeProvider.System)));
        var run = await services.GetRequiredService<JobRunner>().RunToEndAsync(Core.Analytics.AnalyticsRebuilder.JobKind, job => rebuilder.RebuildAsync(job, scope, "tests"));
        Assert.True(run.State == JobState.Succeeded, run.Text());
    }

    /// <summary>The requests <paramref name="view"/> made, per service and operation ("cognito ListUsers": 3).</summary>
    public async Task<IReadOnlyDictionary<string, int>> MeasureAsync(Func<IServiceProvider, Task> view)
    {
        var recorder = new RequestRecorder();
        await using var console = emulators.Services(s => { foreach (var (k, v) in settings) s[k] = v; }, recorder.WireAll());
        await view(console);
        return recorder.Operations.Select(o => $"dynamodb {o}").Concat(recorder.CognitoOperations.Select(o => $"cognito {o}"))
            .GroupBy(o => o).OrderBy(g => g.Key, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.Count());
    }

    public ValueTask DisposeAsync() => services.DisposeAsync();
}
