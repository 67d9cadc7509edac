using CreatorPlatform.Core;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace CreatorPlatform.Core.Tests.Infrastructure;

/// <summary>
/// Real DynamoDB Local and cognito-local, in memory on free ports, shared by the tests of a collection. Each test
/// gets its own table names, so tests stay independent without an emulator each. Indexes become ACTIVE at once here;
/// <see cref="IndexDelayEmulatorFixture"/> holds them in CREATING like the real service.
/// </summary>
public class EmulatorFixture : IAsyncLifetime
{
    protected virtual bool RealisticDelays => false;

    private static int counter;
    private SandboxEmulators? emulators;

    public int DynamoDbPort { get; } = SandboxEmulators.FreePort();
    public int CognitoPort { get; } = SandboxEmulators.FreePort();

    public async Task InitializeAsync()
    {
        var tools = Path.Combine(RepositoryPaths.Root, ".sandbox", "tools");
        emulators = await SandboxEmulators.StartAsync(tools, null, DynamoDbPort, CognitoPort, NullLogger.Instance, CancellationToken.None, RealisticDelays);
    }

    /// <summary>Core's services wired as the app wires them, pointed at this fixture, with table names unique to the caller.</summary>
    public ServiceProvider Services(Action<Dictionary<string, string?>>? configure = null, Action<IServiceCollection>? overrides = null)
    {
        var prefix = $"t{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}"[..12];
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:DynamoDbPort"] = DynamoDbPort.ToString(),
            ["Platform:Sandbox:CognitoPort"] = CognitoPort.ToString(),
            ["Platform:Sandbox:ProductCount"] = "40",
            ["Platform:Tables:Products"] = $"{prefix}-Products",
            ["Platform:Tables:Creators"] = $"{prefix}-Creators",
            ["Platform:Tables:AnalyticsEvents"] = $"{prefix}-Events",
            ["Platform:Tables:AnalyticsSummaries"] = $"{prefix}-Summaries",
            ["Platform:Tables:Ops"] = $"{prefix}-Ops",
        };
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<ICurrentActor>(new FixedActor(TestAdmin));
        services.AddCore(configuration).AddSandbox();
        overrides?.Invoke(services);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }

    /// <summary>Who Core's services act as in these tests, unless a test registers another actor.</summary>
    public static Actor TestAdmin { get; } = new("Test Admin", "oid-test-admin", AdminRole.Admin, "tests");

    public async Task DisposeAsync()
    {
        if (emulators is not null) await emulators.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class EmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulators";
}

/// <summary>
/// Tests that add and drop indexes without watching the wait: an emulator of their own (instant indexes), apart from
/// the shared one, which holds every other test's tables and once left a new index unfinished for a whole wait.
/// </summary>
[CollectionDefinition(Name)]
public sealed class SchemaEmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator for schema changes";
}

/// <summary>
/// The throttling tests, apart from the shared emulator: most of their time is the SDK's and the backfill's backoff,
/// idle, which runs beside the shared emulator's collection (the longest of the run) rather than inside it.
/// </summary>
[CollectionDefinition(Name)]
public sealed class ThrottlingEmulatorCollection : ICollectionFixture<EmulatorFixture>
{
    public const string Name = "emulator for throttling tests";
}

/// <summary>An emulator whose new indexes pass through CREATING and backfilling, for the tests that watch a rollout wait.</summary>
public sealed class IndexDelayEmulatorFixture : EmulatorFixture
{
    protected override bool RealisticDelays => true;
}

/// <summary>
/// The schema apply tests' emulator with index delays. Each test that waits out index builds has an emulator of its
/// own, so that their waits (a minute and more each, spent idle) run at the same time rather than one after another.
/// </summary>
[CollectionDefinition(Name)]
public sealed class IndexDelayEmulatorCollection : ICollectionFixture<IndexDelayEmulatorFixture>
{
    public const string Name = "emulators with index delays";
}

/// <summary>The schema undo test's emulator with index delays: it builds the indexes, then waits for each to be dropped.</summary>
[CollectionDefinition(Name)]
public sealed class UndoIndexDelayEmulatorCollection : ICollectionFixture<IndexDelayEmulatorFixture>
{
    public const string Name = "emulators with index delays, for the undo";
}
