using System.Formats.Tar;
using System.IO.Compression;
using System.Text.RegularExpressions;
using CreatorPlatform.Core;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// Restores the two emulators from npm on first use into a git-ignored folder: the DynamoDB Local jar that
/// <c>amplify-dynamodb-simulator</c> ships (only its tarball: its Node dependencies are not needed), and cognito-local.
/// </summary>
public sealed partial class EmulatorTools(string toolsFolder, ILogger logger)
{
    public const string DynamoDbPackage = "amplify-dynamodb-simulator@2.9.30";
    public const string CognitoPackage = "cognito-local@5.3.0";
    public const string JavaHint = "DynamoDB Local needs a Java runtime, version 17 or newer (Debian: apt-get install default-jre-headless).";
    public const string NodeHint = "cognito-local needs Node.js 20 or newer with npm (Debian: apt-get install nodejs npm).";

    public string DynamoDbFolder => Path.Combine(toolsFolder, "dynamodb", "package", "emulator");
    public string DynamoDbJar => Path.Combine(DynamoDbFolder, "DynamoDBLocal.jar");
    public string CognitoScript => Path.Combine(toolsFolder, "cognito", "node_modules", "cognito-local", "lib", "bin", "start.js");

    public async Task EnsureAsync(CancellationToken ct)
    {
        await CheckRuntimeAsync("java", ["-version"], 17, JavaHint, ct);
        await CheckRuntimeAsync("node", ["--version"], 20, NodeHint, ct);
        if (File.Exists(DynamoDbJar) && File.Exists(CognitoScript)) return;

        Directory.CreateDirectory(toolsFolder);
        // Test projects run in parallel and may all restore at once: one restores, the others wait for it.
        await using var _ = await AcquireLockAsync(Path.Combine(toolsFolder, ".restore.lock"), ct);
        if (!File.Exists(DynamoDbJar)) await RestoreDynamoDbAsync(ct);
        if (!File.Exists(CognitoScript)) await RestoreCognitoAsync(ct);
    }

    private async Task RestoreDynamoDbAsync(CancellationToken ct)
    {
        logger.LogInformation("Restoring DynamoDB Local from npm ({Package}), once", DynamoDbPackage);
        var target = Path.Combine(toolsFolder, "dynamodb");
        var download = Path.Combine(toolsFolder, "download");
        Directory.CreateDirectory(download);
        var result = await ProcessRunner.RunAsync("npm", ["pack", DynamoDbPackage, "--silent"], download, NodeHint, ct);
        var tarball = Directory.GetFiles(download, "amplify-dynamodb-simulator-*.tgz").FirstOrDefault();
        if (result.ExitCode != 0 || tarball is null)
            throw new SandboxException($"npm could not fetch {DynamoDbPackage} (exit {result.ExitCode}): {Tail(result.Output)}");

        if (Directory.Exists(target)) Directory.Delete(target, recursive: true);
        Directory.CreateDirectory(target);
        await using (var gzip = new GZipStream(File.OpenRead(tarball), CompressionMode.Decompress))
            await TarFile.ExtractToDirectoryAsync(gzip, target, overwriteFiles: true, ct);
        Directory.Delete(download, recursive: true);
        if (!File.Exists(DynamoDbJar)) throw new SandboxException($"{DynamoDbPackage} did not contain emulator/DynamoDBLocal.jar.");
    }

    private async Task RestoreCognitoAsync(CancellationToken ct)
    {
        logger.LogInformation("Restoring cognito-local from npm ({Package}), once", CognitoPackage);
        var target = Path.Combine(toolsFolder, "cognito");
        Directory.CreateDirectory(target);
        await File.WriteAllTextAsync(Path.Combine(target, "package.json"), """{ "private": true }""", ct);
        var result = await ProcessRunner.RunAsync("npm", ["install", CognitoPackage, "--no-audit", "--no-fund", "--silent"], target, NodeHint, ct);
        if (result.ExitCode != 0 || !File.Exists(CognitoScript))
            throw new SandboxException($"npm could not install {CognitoPackage} (exit {result.ExitCode}): {Tail(result.Output)}");
    }

    private static async Task CheckRuntimeAsync(string program, string[] args, int minimumMajor, string hint, CancellationToken ct)
    {
        var result = await ProcessRunner.RunAsync(program, args, Directory.GetCurrentDirectory(), hint, ct);
        var match = VersionPattern().Match(result.Output);
        if (result.ExitCode != 0 || !match.Success)
            throw new SandboxException($"'{program}' did not report its version. {hint}");
        var major = int.Parse(match.Groups[1].Value);
        if (major == 1 && match.Groups[2].Success) major = int.Parse(match.Groups[2].Value); // Java 1.8 style
        if (major < minimumMajor)
            throw new SandboxException($"'{program}' is version {match.Value}. {hint}");
    }

    private static async Task<FileStream> AcquireLockAsync(string path, CancellationToken ct)
    {
        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(250, ct);
            }
        }
    }

    private static string Tail(string output) => output.Length <= 600 ? output.Trim() : output[^600..].Trim();

    [GeneratedRegex("""(\d+)(?:\.(\d+))?""")]
    private static partial Regex VersionPattern();
}
