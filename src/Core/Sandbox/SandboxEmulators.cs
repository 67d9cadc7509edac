using System.Diagnostics;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Sandbox;

/// <summary>Where the two emulators answer.</summary>
public sealed record SandboxEndpoints(Uri DynamoDb, Uri Cognito);

/// <summary>DynamoDB Local and cognito-local, running for as long as this object lives.</summary>
public sealed class SandboxEmulators : IAsyncDisposable
{
    private readonly EmulatorProcess dynamoDb;
    private readonly EmulatorProcess cognito;

    private SandboxEmulators(EmulatorProcess dynamoDb, EmulatorProcess cognito)
    {
        this.dynamoDb = dynamoDb;
        this.cognito = cognito;
    }

    public SandboxEndpoints Endpoints => new(dynamoDb.Endpoint, cognito.Endpoint);
    /// <summary>True when both were already running (another console process started them) and are shared.</summary>
    public bool Joined => !dynamoDb.Owned && !cognito.Owned;

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
        var dynamoDb = await EmulatorProcess.StartAsync("DynamoDB Local", DynamoDbStart(tools, dataFolder, dynamoDbPort, realisticDelays), dynamoDbPort,
            EmulatorProbe.DynamoDb, "Platform__Sandbox__DynamoDbPort", ct);
        try
        {
            var cognito = await EmulatorProcess.StartAsync("cognito-local", CognitoStart(tools, cognitoFolder, cognitoPort), cognitoPort,
                EmulatorProbe.Cognito, "Platform__Sandbox__CognitoPort", ct);
            logger.LogInformation("Sandbox: DynamoDB Local at {DynamoDb}, cognito-local at {Cognito}", dynamoDb.Endpoint, cognito.Endpoint);
            return new SandboxEmulators(dynamoDb, cognito);
        }
        catch
        {
            await dynamoDb.DisposeAsync();
            throw;
        }
    }

    public static int FreePort() => EmulatorProcess.FreePort();

    private static ProcessStartInfo DynamoDbStart(EmulatorTools tools, string? dataFolder, int port, bool realisticDelays)
    {
        var info = new ProcessStartInfo("java") { WorkingDirectory = tools.DynamoDbFolder };
        string[] args = ["-Djava.library.path=./DynamoDBLocal_lib", "-jar", "DynamoDBLocal.jar", "-port", port.ToString(), "-sharedDb", "-disableTelemetry"];
        foreach (var arg in args) info.ArgumentList.Add(arg);
        if (realisticDelays) info.ArgumentList.Add("-delayTransientStatuses");
        if (dataFolder is null)
        {
            info.ArgumentList.Add("-inMemory");
        }
        else
        {
            var dbPath = Path.Combine(dataFolder, "dynamodb");
            Directory.CreateDirectory(dbPath);
            info.ArgumentList.Add("-dbPath");
            info.ArgumentList.Add(dbPath);
        }
        return info;
    }

    private static ProcessStartInfo CognitoStart(EmulatorTools tools, string folder, int port)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = folder };
        info.ArgumentList.Add(tools.CognitoScript);
        info.Environment["PORT"] = port.ToString();
        info.Environment["HOST"] = "127.0.0.1";
        return info;
    }

    /// <summary>cognito-local defaults to e-mail usernames; the real pool signs in by username with an e-mail alias.</summary>
    private static void PrepareCognitoFolder(string folder)
    {
        var config = Path.Combine(folder, ".cognito", "config.json");
        Directory.CreateDirectory(Path.GetDirectoryName(config)!);
        File.WriteAllText(config, """{ "UserPoolDefaults": { "UsernameAttributes": null } }""");
    }

    public async ValueTask DisposeAsync()
    {
        await cognito.DisposeAsync();
        await dynamoDb.DisposeAsync();
    }
}
