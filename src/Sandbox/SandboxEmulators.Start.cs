using System.Diagnostics;
using CreatorPlatform.Core;

namespace CreatorPlatform.Sandbox;

/// <summary>How each emulator is started.</summary>
public sealed partial class SandboxEmulators
{
    private ProcessStartInfo DynamoDbStart(int port)
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

    private ProcessStartInfo CognitoStart(int port)
    {
        var info = new ProcessStartInfo("node") { WorkingDirectory = cognitoFolder };
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
}
