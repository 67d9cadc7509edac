using System.Text.Json;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Jobs;

namespace CreatorPlatform.Sandbox;

/// <summary>One emulator as the manifest names it: its port and its process (id and start time).</summary>
public sealed record EmulatorEntry(int Port, WorkerProcess Process);

/// <summary>A console using the emulators: its process, and an id of its own (one process may run two, as tests do).</summary>
public sealed record EmulatorUser(string Id, WorkerProcess Process);

/// <summary>
/// <c>.sandbox/data/emulators.json</c>: the emulators this checkout's sandbox runs (an id for the set, each one's port
/// and process) and the consoles using them. A console joins only emulators named here that still run and answer; the
/// last console to leave stops them.
/// </summary>
public sealed record EmulatorManifest(string Id, EmulatorEntry? DynamoDb, EmulatorEntry? Cognito, IReadOnlyList<EmulatorUser> Users)
{
    public static EmulatorManifest Empty => new(Guid.NewGuid().ToString("N"), null, null, []);

    /// <summary>The same manifest without the consoles whose process is gone.</summary>
    public EmulatorManifest Pruned() => this with { Users = Users.Where(u => !u.Process.IsGoneFromThisHost()).ToList() };
}

/// <summary>Reads and writes the manifest under a lock file, so that consoles starting at once see each other.</summary>
internal sealed class EmulatorManifestFile(string dataFolder)
{
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };
    public string Path => System.IO.Path.Combine(dataFolder, "emulators.json");
    public string LogFile(string emulator) => System.IO.Path.Combine(dataFolder, $"{emulator}.log");

    public async Task<IAsyncDisposable> LockAsync(CancellationToken ct)
    {
        Directory.CreateDirectory(dataFolder);
        var deadline = DateTime.UtcNow.AddSeconds(120);
        while (true)
        {
            try
            {
                return new FileStream(Path + ".lock", FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                await Task.Delay(100, ct);
            }
        }
    }

    public EmulatorManifest Read()
    {
        try
        {
            return File.Exists(Path) ? JsonSerializer.Deserialize<EmulatorManifest>(File.ReadAllText(Path)) ?? EmulatorManifest.Empty : EmulatorManifest.Empty;
        }
        catch (JsonException)
        {
            return EmulatorManifest.Empty; // unreadable: it names nothing we may join
        }
    }

    public void Write(EmulatorManifest manifest)
    {
        if (manifest.DynamoDb is null && manifest.Cognito is null && manifest.Users.Count == 0)
        {
            File.Delete(Path);
            return;
        }
        var temp = Path + ".tmp";
        File.WriteAllText(temp, JsonSerializer.Serialize(manifest, Json));
        File.Move(temp, Path, overwrite: true);
    }
}
