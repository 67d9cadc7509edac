using System.Collections.Concurrent;
using Amazon.DynamoDBv2.Model;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Audit;

/// <summary>
/// Entries kept while the ops table did not answer (a job's end), written when it answers again; kept on disk too
/// (<see cref="AuditSpool"/>), so that the next start writes those a process could not write before it ended.
/// </summary>
public sealed partial class AuditLog
{
    private readonly ConcurrentQueue<AuditEntry> pending = new();
    private int flushing;

    /// <summary>How often, and how many times, a background flush retries entries kept while the ops table did not answer.</summary>
    public static readonly TimeSpan FlushInterval = TimeSpan.FromSeconds(15);
    public const int FlushAttempts = 40;

    /// <summary>Where kept entries wait, for people: the spool's folder, or this process's memory only.</summary>
    public string KeptWhere => spool.Folder is { } folder ? $"in {folder}" : "in this process's memory only (a sandbox in memory keeps nothing on disk)";

    /// <summary>Whether kept entries outlive this process.</summary>
    public bool KeepsOnDisk => spool.Folder is not null;

    /// <summary>
    /// At a start: writes the entries an earlier process kept on disk and could not write (a CLI verb that exited, a
    /// console that stopped). Returns how many were written; those that still fail stay kept for the next attempt.
    /// </summary>
    public async Task<int> FlushSpoolAsync(CancellationToken ct)
    {
        var known = pending.Select(e => e.Id).ToHashSet();
        var found = spool.Load().Where(e => !known.Contains(e.Id)).ToList();
        if (found.Count == 0) return 0;
        logger.LogInformation("{Count} audit entries kept by an earlier process are written now", found.Count);
        foreach (var entry in found) pending.Enqueue(entry);
        var written = await FlushPendingAsync(ct);
        if (!pending.IsEmpty && Interlocked.Exchange(ref flushing, 1) == 0) _ = FlushInBackgroundAsync();
        return written;
    }

    /// <summary>Entries that could not be written when they happened (a job's end while the ops table was unavailable).</summary>
    public IReadOnlyList<AuditEntry> Pending => pending.ToList();

    /// <summary>
    /// Keeps an entry that could not be written, to write it when the table answers again: on the next audit write, or
    /// by a background flush every <see cref="FlushInterval"/>, at most <see cref="FlushAttempts"/> times.
    /// </summary>
    public void Defer(AuditEntry entry)
    {
        spool.Save(entry);
        pending.Enqueue(entry);
        if (Interlocked.Exchange(ref flushing, 1) == 0) _ = FlushInBackgroundAsync();
    }

    /// <summary>Writes the kept entries in order; stops at the first that still fails and keeps it and the rest. Returns how many were written.</summary>
    public async Task<int> FlushPendingAsync(CancellationToken ct)
    {
        var written = 0;
        while (pending.TryPeek(out var entry))
        {
            try
            {
                await PutAsync(entry, ct);
            }
            catch (TransactionCanceledException e) when (e.CancellationReasons?.Any(r => r.Code == "ConditionalCheckFailed") == true)
            {
                // An earlier attempt was written after all: the entry is there.
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning("Audit entry {Action} on {Target} is still kept: {Error}", entry.Action, entry.Target, e.Message);
                return written;
            }
            pending.TryDequeue(out _);
            spool.Remove(entry);
            written++;
            logger.LogInformation("Audit entry {Action} on {Target}, kept since {At:o}, is written", entry.Action, entry.Target, entry.At);
        }
        return written;
    }

    private async Task FlushInBackgroundAsync()
    {
        try
        {
            for (var attempt = 0; attempt < FlushAttempts && !pending.IsEmpty; attempt++)
            {
                await Task.Delay(FlushInterval, time);
                await FlushPendingAsync(CancellationToken.None);
            }
        }
        catch (Exception e)
        {
            logger.LogWarning(e, "The background flush of kept audit entries stopped");
        }
        finally
        {
            Interlocked.Exchange(ref flushing, 0);
            if (!pending.IsEmpty) logger.LogError("{Count} audit entries are still kept after {Attempts} attempts; the next audit write tries again", pending.Count, FlushAttempts);
        }
    }
}
