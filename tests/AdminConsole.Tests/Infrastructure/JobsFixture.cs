using Amazon.DynamoDBv2;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Sandbox;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace AdminConsole.Tests.Infrastructure;

/// <summary>
/// Real DynamoDB Local (and cognito-local), in memory, for component tests that run jobs: each test gets Core's own
/// <see cref="JobRunner"/>, with its audit log and leases in a console table of its own, acting as <see cref="Alice"/>.
/// </summary>
public class JobsFixture : IAsyncLifetime
{
    private static int counter;
    private readonly int dynamoDbPort = SandboxEmulators.FreePort();
    private readonly int cognitoPort = SandboxEmulators.FreePort();
    private readonly List<ServiceProvider> created = [];
    private SandboxEmulators? emulators;

    /// <summary>The admin who starts the tests' jobs.</summary>
    public static Actor Alice { get; } = new("alice", "oid-alice", AdminRole.Admin, "tests");

    /// <summary>Null: the emulators keep their data in memory. A folder: they are named in its manifest, and others (the CLI) may join them.</summary>
    protected virtual string? DataFolder => null;

    public virtual async Task InitializeAsync() => emulators = await SandboxEmulators.StartAsync(Path.Combine(RepositoryPaths.Root, ".sandbox", "tools"),
        DataFolder, dynamoDbPort, cognitoPort, NullLogger.Instance, CancellationToken.None, realisticDelays: false);

    public int DynamoDbPort => dynamoDbPort;
    public int CognitoPort => cognitoPort;

    /// <summary>Core's services as the app wires them, over a new console table (jobs audit and lease there); disposed with the fixture.</summary>
    /// <param name="time">Core's clock (leases, heartbeats, state reads), when a test moves time itself.</param>
    public Task<ServiceProvider> CoreAsync(TimeProvider? time = null) => CoreAsync(dynamoDbPort, cognitoPort, time);

    /// <summary>As <see cref="CoreAsync(TimeProvider?)"/>, with <paramref name="settings"/> added or replaced (tables of the test's own, a user pool).</summary>
    public Task<ServiceProvider> CoreAsync(IReadOnlyDictionary<string, string?> settings) => CoreAsync(dynamoDbPort, cognitoPort, settings: settings);

    /// <summary>Core's services over emulators a test started for itself (to stop one under a page), as <see cref="CoreAsync(TimeProvider?)"/>.</summary>
    public async Task<ServiceProvider> CoreAsync(int dynamoDbPort, int cognitoPort, TimeProvider? time = null, IReadOnlyDictionary<string, string?>? settings = null)
    {
        var own = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox",
            ["Platform:Sandbox:InMemory"] = "true",
            ["Platform:Sandbox:DynamoDbPort"] = dynamoDbPort.ToString(),
            ["Platform:Sandbox:CognitoPort"] = cognitoPort.ToString(),
            ["Platform:Tables:Ops"] = $"jobs{Interlocked.Increment(ref counter)}-{Guid.NewGuid():N}"[..16] + "-Ops",
        };
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(own).AddInMemoryCollection(settings ?? new Dictionary<string, string?>()).Build();
        var services = new ServiceCollection().AddLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        services.AddSingleton<ICurrentActor>(new FixedActor(Alice));
        if (time is not null) services.AddSingleton(time);
        services.AddCore(configuration).AddSandbox();
        var core = services.BuildServiceProvider();
        lock (created) created.Add(core);
        await core.GetRequiredService<IAmazonDynamoDB>().CreateTableAsync(TableRequests.Create(core.GetRequiredService<PlatformSchema>().Ops));
        return core;
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var core in created) await core.DisposeAsync();
        if (emulators is not null) await emulators.DisposeAsync();
    }
}

[CollectionDefinition(Name)]
public sealed class JobsCollection : ICollectionFixture<JobsFixture>
{
    public const string Name = "jobs";
}
