using System.Text.Json;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Sandbox;

/// <summary>
/// The running sandbox: emulators started, the pre-rollout platform provisioned on first run, and a manifest in
/// <c>.sandbox/data/</c> that survives restarts. Tests run it in memory on free ports.
/// </summary>
public sealed class SandboxRuntime(IOptions<PlatformOptions> options, SandboxProvisioner provisioner, ILogger<SandboxRuntime> logger) : IAsyncDisposable
{
    private SandboxEmulators? emulators;
    private SandboxManifest? memoryManifest;

    private SandboxOptions Settings => options.Value.Sandbox;
    public string Folder => RepositoryPaths.Resolve(Settings.DataFolder);
    public string ToolsFolder => Path.Combine(Folder, "tools");
    public string DataFolder => Path.Combine(Folder, "data");
    private string ManifestPath => Path.Combine(DataFolder, "sandbox.json");

    public SandboxEndpoints? Endpoints => emulators?.Endpoints;
    public SandboxManifest? Manifest => Settings.InMemory ? memoryManifest : ReadManifest();

    public async Task StartAsync(CancellationToken ct)
    {
        if (emulators is not null) return;
        emulators = await SandboxEmulators.StartAsync(ToolsFolder, Settings.InMemory ? null : DataFolder,
            Settings.DynamoDbPort, Settings.CognitoPort, logger, ct);
        if (emulators.Joined) logger.LogInformation("Sandbox: joined the emulators another console process is running");
        if (Manifest is null) SaveManifest(await provisioner.ProvisionAsync(ct));
    }

    /// <summary>Returns the sandbox to the pre-rollout state: everything the rollout (or anyone) changed is gone.</summary>
    public async Task ResetAsync(CancellationToken ct)
    {
        logger.LogWarning("Sandbox: reset to the pre-rollout state");
        await provisioner.ClearAsync(Manifest, ct);
        SaveManifest(null);
        SaveManifest(await provisioner.ProvisionAsync(ct));
    }

    private SandboxManifest? ReadManifest() =>
        File.Exists(ManifestPath) ? JsonSerializer.Deserialize<SandboxManifest>(File.ReadAllText(ManifestPath)) : null;

    private void SaveManifest(SandboxManifest? manifest)
    {
        if (Settings.InMemory)
        {
            memoryManifest = manifest;
            return;
        }
        if (manifest is null)
        {
            File.Delete(ManifestPath);
            return;
        }
        Directory.CreateDirectory(DataFolder);
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, new JsonSerializerOptions { WriteIndented = true }));
    }

    public async ValueTask DisposeAsync()
    {
        if (emulators is not null) await emulators.DisposeAsync();
        emulators = null;
    }
}
