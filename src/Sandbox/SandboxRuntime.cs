using System.Text.Json;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Audit;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// The running sandbox: emulators started, the pre-rollout platform provisioned on first run, and a manifest in
/// <c>.sandbox/data/</c> that survives restarts. Tests run it in memory on free ports.
/// </summary>
public sealed class SandboxRuntime(IOptions<PlatformOptions> options, SandboxProvisioner provisioner, AuditLog audit, ILogger<SandboxRuntime> logger,
    TimeProvider time, JobLease leases) : IAsyncDisposable, ISandboxState
{
    private static readonly JsonSerializerOptions Indented = new() { WriteIndented = true };
    private SandboxEmulators? emulators;
    private SandboxSupervisor? supervisor;
    private SandboxManifest? memoryManifest;

    private SandboxOptions Settings => options.Value.Sandbox;
    public string Folder => RepositoryPaths.Resolve(Settings.DataFolder);
    public string ToolsFolder => Path.Combine(Folder, "tools");
    public string DataFolder => Path.Combine(Folder, "data");
    private string ManifestPath => Path.Combine(DataFolder, "sandbox.json");

    public SandboxEndpoints? Endpoints => emulators?.Endpoints;
    public IReadOnlyDictionary<string, int> EmulatorProcessIds => emulators?.ProcessIds ?? new Dictionary<string, int>();
    public SandboxManifest? Manifest => Settings.InMemory ? memoryManifest : ReadManifest();
    // Read every time: a sandbox reset provisions a new pool.
    public string? UserPoolId => Manifest?.UserPoolId;
    /// <summary>Whether the emulators run, for the banner on every page; null before the sandbox started (and in AWS mode).</summary>
    public SandboxHealth? Health => supervisor?.Health;
    /// <summary>Raised from the supervisor's thread when an emulator stops, is restarted, or cannot be.</summary>
    public event Action<SandboxHealth>? HealthChanged;

    public async Task StartAsync(CancellationToken ct)
    {
        if (emulators is not null) return;
        emulators = await SandboxEmulators.StartAsync(ToolsFolder, Settings.InMemory ? null : DataFolder,
            Settings.DynamoDbPort, Settings.CognitoPort, logger, ct, Settings.RealisticDelays);
        if (emulators.Joined) logger.LogInformation("Sandbox: joined the emulators another console of this checkout is running");
        if (Manifest is null) SaveManifest(await provisioner.ProvisionAsync(ct));
        supervisor = new SandboxSupervisor(emulators, ProvisionAgainAsync, logger, time,
            TimeSpan.FromMilliseconds(Math.Max(100, Settings.SuperviseMilliseconds)), Settings.SilentProbesBeforeRestart);
        supervisor.Changed += health => HealthChanged?.Invoke(health);
    }

    /// <summary>After an in-memory emulator lost everything: the pre-rollout sandbox again, as on a first start.</summary>
    private async Task ProvisionAgainAsync(CancellationToken ct)
    {
        SaveManifest(await provisioner.ProvisionAsync(ct));
        audit.ForgetWrittenMarkers();
    }

    /// <summary>Returns the sandbox to the pre-rollout state: everything the rollout (or anyone) changed is gone.</summary>
    /// <remarks>The reset empties the audit log with everything else; its own entry is the first of the new log.</remarks>
    public async Task ResetAsync(CancellationToken ct)
    {
        var actor = audit.DemandAdmin(AuditActions.SandboxReset);
        if (await leases.HeldInSandboxAsync(ct) is [var running, ..])
            throw new SandboxException($"The sandbox cannot be reset while a {running.Name} job runs (started by {running.Holder} on {running.Host}"
                + $"{(running.Process is { } p ? $", process {p.Pid}" : "")} at {running.AcquiredAt:HH:mm:ss} UTC). Let it finish or stop it, then reset.");
        logger.LogWarning("Sandbox: reset to the pre-rollout state by {Actor}", actor.Name);
        await provisioner.ClearAsync(Manifest, ct);
        SaveManifest(null);
        var manifest = await provisioner.ProvisionAsync(ct);
        SaveManifest(manifest);
        audit.ForgetWrittenMarkers();
        await audit.WriteAsync(audit.Entry(actor, AuditActions.SandboxReset, "sandbox",
            after: $"pre-rollout: {manifest.ProductCount} legacy products, user pool {manifest.UserPoolId}"), ct);
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
        File.WriteAllText(ManifestPath, JsonSerializer.Serialize(manifest, Indented));
    }

    public async ValueTask DisposeAsync()
    {
        if (supervisor is not null) await supervisor.DisposeAsync();
        supervisor = null;
        if (emulators is not null) await emulators.DisposeAsync();
        emulators = null;
    }
}
