using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Sandbox;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Sandbox;

/// <summary>Where the two emulators answer.</summary>
public sealed record SandboxEndpoints(Uri DynamoDb, Uri Cognito);

/// <summary>
/// DynamoDB Local and cognito-local for as long as this object lives. In memory (tests), they are this process's own.
/// With a data folder, they are shared by the consoles of this checkout through the manifest (<see cref="EmulatorManifest"/>):
/// a console joins the emulators it names when they run and answer, and the last console to leave stops them.
/// </summary>
public sealed partial class SandboxEmulators : IAsyncDisposable
{
    public const string DynamoDbName = SandboxHealth.DynamoDbName;
    public const string CognitoName = SandboxHealth.CognitoName;
    private readonly EmulatorTools tools;
    private readonly string? dataFolder;
    private readonly string cognitoFolder;
    private readonly bool realisticDelays;
    private readonly EmulatorManifestFile? manifest;
    private readonly EmulatorUser me = new(Guid.NewGuid().ToString("N")[..12], WorkerProcess.Current);
    private EmulatorProcess dynamoDb = null!;
    private EmulatorProcess cognito = null!;

    private SandboxEmulators(EmulatorTools tools, string? dataFolder, string cognitoFolder, bool realisticDelays)
    {
        this.tools = tools;
        this.dataFolder = dataFolder;
        this.cognitoFolder = cognitoFolder;
        this.realisticDelays = realisticDelays;
        manifest = dataFolder is null ? null : new EmulatorManifestFile(dataFolder);
    }

    public SandboxEndpoints Endpoints => new(dynamoDb.Endpoint, cognito.Endpoint);
    /// <summary>True when both were already running (another console of this checkout started them) and are shared.</summary>
    public bool Joined => !dynamoDb.Owned && !cognito.Owned;
    /// <summary>Each emulator's process id, by name: for the sandbox card, and for the tests that stop one.</summary>
    public IReadOnlyDictionary<string, int> ProcessIds => new Dictionary<string, int> { [DynamoDbName] = dynamoDb.Identity.Pid, [CognitoName] = cognito.Identity.Pid };
    /// <summary>False for an in-memory sandbox: what an emulator held is lost when it stops.</summary>
    public bool KeepsData => dataFolder is not null;

    /// <summary>
    /// The tools folder is shared by every sandbox; the data lives in <paramref name="dataFolder"/> or, when null, in memory.
    /// <paramref name="realisticDelays"/> holds new indexes in CREATING like the real service (about half a minute each);
    /// tests that do not watch an index being built turn it off.
    /// </summary>
    public static async Task<SandboxEmulators> StartAsync(string toolsFolder, string? dataFolder, int dynamoDbPort, int cognitoPort, ILogger logger,
        CancellationToken ct, bool realisticDelays = true)
    {
        var tools = new EmulatorTools(toolsFolder, logger);
        await tools.EnsureAsync(ct);
        var cognitoFolder = dataFolder is null ? Directory.CreateTempSubdirectory("cognito-local-").FullName : Path.Combine(dataFolder, "cognito");
        PrepareCognitoFolder(cognitoFolder);
        var emulators = new SandboxEmulators(tools, dataFolder, cognitoFolder, realisticDelays);
        if (emulators.manifest is null)
        {
            emulators.dynamoDb = await emulators.StartDynamoDbAsync(dynamoDbPort, ct);
            try { emulators.cognito = await emulators.StartCognitoAsync(cognitoPort, ct); }
            catch
            {
                await emulators.dynamoDb.DisposeAsync();
                throw;
            }
        }
        else
        {
            await emulators.JoinOrStartAsync(dynamoDbPort, cognitoPort, ct);
        }
        logger.LogInformation("Sandbox: DynamoDB Local at {DynamoDb}, cognito-local at {Cognito}{Joined}", emulators.dynamoDb.Endpoint,
            emulators.cognito.Endpoint, emulators.Joined ? " (joined)" : "");
        return emulators;
    }

    public static int FreePort() => EmulatorProcess.FreePort();

    /// <summary>cognito-local's folder: its pools are <c>.cognito/db/&lt;pool id&gt;.json</c>, read when it starts.</summary>
    public string CognitoFolder => cognitoFolder;

    /// <summary>Names of the emulators whose process has stopped.</summary>
    public IReadOnlyList<string> Exited() =>
        [.. new[] { dynamoDb, cognito }.Where(e => e.HasExited).Select(e => e.Name)];

    /// <summary>Names of the emulators whose process runs but that do not answer.</summary>
    public async Task<IReadOnlyList<string>> SilentAsync(CancellationToken ct)
    {
        var silent = new List<string>();
        foreach (var e in new[] { dynamoDb, cognito })
            if (!e.HasExited && !await e.AnswersAsync(ct)) silent.Add(e.Name);
        return silent;
    }

    /// <summary>
    /// Brings a stopped emulator back on its port, with its data folder: adopts the one another console restarted
    /// meanwhile, or starts a new one and names it in the manifest.
    /// </summary>
    public async Task RestartAsync(string name, CancellationToken ct)
    {
        var old = name == DynamoDbName ? dynamoDb : cognito;
        await old.DisposeAsync();
        EmulatorProcess replacement;
        if (manifest is null)
        {
            replacement = name == DynamoDbName ? await StartDynamoDbAsync(old.Port, ct) : await StartCognitoAsync(old.Port, ct);
        }
        else
        {
            await using var _ = await manifest.LockAsync(ct);
            var current = manifest.Read();
            var entry = name == DynamoDbName ? current.DynamoDb : current.Cognito;
            replacement = (entry is not null && entry.Port == old.Port && entry.Process != old.Identity
                    ? await EmulatorProcess.AdoptAsync(name, old.Port, Probe(name), entry.Process, manifest.LogFile(LogName(name)), ct)
                    : null)
                ?? (name == DynamoDbName ? await StartDynamoDbAsync(old.Port, ct) : await StartCognitoAsync(old.Port, ct));
            var named = new EmulatorEntry(replacement.Port, replacement.Identity);
            manifest.Write(name == DynamoDbName ? current with { DynamoDb = named } : current with { Cognito = named });
        }
        if (name == DynamoDbName) dynamoDb = replacement;
        else cognito = replacement;
    }

    private async Task JoinOrStartAsync(int dynamoDbPort, int cognitoPort, CancellationToken ct)
    {
        await using var _ = await manifest!.LockAsync(ct);
        var current = manifest.Read().Pruned();
        dynamoDb = await JoinOrStartAsync(DynamoDbName, dynamoDbPort, current.DynamoDb, "Platform__Sandbox__DynamoDbPort", ct);
        try
        {
            cognito = await JoinOrStartAsync(CognitoName, cognitoPort, current.Cognito, "Platform__Sandbox__CognitoPort", ct);
        }
        catch
        {
            if (dynamoDb.Owned) await dynamoDb.DisposeAsync();
            throw;
        }
        manifest.Write(current with
        {
            DynamoDb = new(dynamoDb.Port, dynamoDb.Identity), Cognito = new(cognito.Port, cognito.Identity),
            Users = [.. current.Users, me],
        });
    }

    private async Task<EmulatorProcess> JoinOrStartAsync(string name, int port, EmulatorEntry? named, string hint, CancellationToken ct)
    {
        if (named is not null && named.Port == port
            && await EmulatorProcess.AdoptAsync(name, port, Probe(name), named.Process, manifest!.LogFile(LogName(name)), ct) is { } adopted)
            return adopted;
        if (!EmulatorProcess.PortIsFree(port))
            throw new SandboxException($"Port {port} is taken by {PortOwners.Describe(port)}, not by this checkout's sandbox "
                + $"({manifest!.Path} does not name a running {name} there that listens on it), "
                + $"so {name} cannot start and the console does not join it. Stop that program or choose another port ({hint}).");
        return name == DynamoDbName ? await StartDynamoDbAsync(port, ct) : await StartCognitoAsync(port, ct);
    }

    private Task<EmulatorProcess> StartDynamoDbAsync(int port, CancellationToken ct) =>
        EmulatorProcess.StartAsync(DynamoDbName, DynamoDbStart(port), port, EmulatorProbe.DynamoDb, "Platform__Sandbox__DynamoDbPort", ct,
            manifest?.LogFile(LogName(DynamoDbName)));

    private Task<EmulatorProcess> StartCognitoAsync(int port, CancellationToken ct) =>
        EmulatorProcess.StartAsync(CognitoName, CognitoStart(port), port, EmulatorProbe.Cognito, "Platform__Sandbox__CognitoPort", ct,
            manifest?.LogFile(LogName(CognitoName)));

    private static EmulatorProbe Probe(string name) => name == DynamoDbName ? EmulatorProbe.DynamoDb : EmulatorProbe.Cognito;
    private static string LogName(string name) => name == DynamoDbName ? "dynamodb" : "cognito";

    /// <summary>Leaves: in memory, or as the last console of the manifest, stops both; otherwise leaves them to the others.</summary>
    public async ValueTask DisposeAsync()
    {
        if (manifest is null)
        {
            await cognito.DisposeAsync();
            await dynamoDb.DisposeAsync();
            return;
        }
        await using var _ = await manifest.LockAsync(CancellationToken.None);
        var current = manifest.Read().Pruned();
        var others = current.Users.Where(u => u.Id != me.Id).ToList();
        if (others.Count > 0)
        {
            dynamoDb.Detach();
            cognito.Detach();
            manifest.Write(current with { Users = others });
            return;
        }
        await cognito.DisposeAsync();
        await dynamoDb.DisposeAsync();
        manifest.Write(current with { DynamoDb = null, Cognito = null, Users = [] });
    }
}
