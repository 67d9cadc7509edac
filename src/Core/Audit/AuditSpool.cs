using System.Text.Json;
using CreatorPlatform.Core.Sandbox;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Audit;

/// <summary>
/// Audit entries that could not be written, one file each in a local folder, so that they outlive the process (a CLI verb
/// exits right after its job): the next start of the console or of any verb writes them. Each entry is a conditional put
/// keyed by its id, so an entry two processes both write from the spool is in the log once.
/// </summary>
public sealed class AuditSpool(IOptions<PlatformOptions> options, ILogger<AuditSpool> logger)
{
    private const string Extension = ".json";

    /// <summary>The folder for this console's table, or null when entries are kept in memory only (a sandbox in memory).</summary>
    public string? Folder { get; } = FolderFor(options.Value);

    /// <summary>Keeps the entry on disk; false (and logged) when it could not be.</summary>
    public bool Save(AuditEntry entry)
    {
        if (Folder is null) return false;
        try
        {
            Directory.CreateDirectory(Folder);
            var path = PathOf(entry);
            var temporary = path + ".tmp";
            File.WriteAllText(temporary, JsonSerializer.Serialize(entry));
            File.Move(temporary, path, overwrite: true); // whole or not at all: a reader never sees half an entry
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            logger.LogError("Audit entry {Action} on {Target} could not be kept in {Folder} either; it is lost when this process ends: {Error}",
                entry.Action, entry.Target, Folder, e.Message);
            return false;
        }
    }

    /// <summary>The kept entries, oldest first. A file that is not an entry is left where it is and logged.</summary>
    public IReadOnlyList<AuditEntry> Load()
    {
        if (Folder is null || !Directory.Exists(Folder)) return [];
        var entries = new List<AuditEntry>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*" + Extension).Order(StringComparer.Ordinal))
        {
            try
            {
                if (JsonSerializer.Deserialize<AuditEntry>(File.ReadAllText(file)) is { Id.Length: > 0 } entry) entries.Add(entry);
                else logger.LogWarning("The kept audit file {File} holds no entry; it is left as it is", file);
            }
            catch (FileNotFoundException) { } // another process wrote and removed it meanwhile
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or JsonException)
            {
                logger.LogWarning("The kept audit file {File} could not be read; it is left as it is: {Error}", file, e.Message);
            }
        }
        return entries;
    }

    /// <summary>Forgets a kept entry once it is in the log.</summary>
    public void Remove(AuditEntry entry)
    {
        if (Folder is null) return;
        try { File.Delete(PathOf(entry)); }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Written already: the next start writes it again, and its conditional put finds it there.
            logger.LogWarning("Audit entry {Action} on {Target} is written, but its kept copy {File} could not be removed: {Error}",
                entry.Action, entry.Target, PathOf(entry), e.Message);
        }
    }

    // The time first, so that the folder lists entries in the order they happened.
    private string PathOf(AuditEntry entry) => Path.Combine(Folder!, $"{entry.At.UtcDateTime:yyyyMMdd'T'HHmmssfffffff}-{entry.Id}{Extension}");

    /// <summary>One folder per table it writes to, so that a sandbox's entries never go to an account's table, or the reverse.</summary>
    private static string? FolderFor(PlatformOptions o)
    {
        var table = Safe(o.Tables.Ops);
        if (!string.IsNullOrWhiteSpace(o.Audit.SpoolFolder)) return Path.Combine(RepositoryPaths.Resolve(o.Audit.SpoolFolder), table);
        if (o.Mode == PlatformMode.Sandbox)
            return o.Sandbox.InMemory ? null : Path.Combine(RepositoryPaths.Resolve(o.Sandbox.DataFolder), "data", "audit-spool", table);
        var root = Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData) is { Length: > 0 } local ? local : Path.GetTempPath();
        return Path.Combine(root, "CreatorPlatformAdmin", "audit-spool", Safe($"{o.Region}-{o.Profile ?? "default"}-{o.Tables.Ops}"));
    }

    private static string Safe(string name) => string.Concat(name.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' ? c : '_'));
}
