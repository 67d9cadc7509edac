using System.Collections.Concurrent;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using Microsoft.Extensions.Logging;
using static CreatorPlatform.Core.Aws.Attr;

namespace CreatorPlatform.Core.Audit;

/// <summary>
/// Writes the audit log. A change to a DynamoDB item puts <see cref="TransactItemsAsync"/> in its own transaction; a
/// change elsewhere (Cognito, a job) calls <see cref="WriteAsync"/> right after, which throws rather than drop an entry.
/// Entries are conditional puts: nothing in the console overwrites or deletes one.
/// </summary>
public sealed partial class AuditLog(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AdminAuthorizer authorizer, TimeProvider time, AuditSpool spool,
    Aws.AwsContext aws, ILogger<AuditLog> logger)
{
    private readonly ConcurrentDictionary<string, bool> markers = new();

    public Actor DemandAdmin(string action) => authorizer.DemandAdmin(action);

    /// <summary>After the ops table was emptied (a sandbox reset), the month and person rows must be written again.</summary>
    public void ForgetWrittenMarkers() => markers.Clear();

    public AuditEntry Entry(Actor actor, string action, string target, string? before = null, string? after = null,
        string outcome = AuditOutcome.Succeeded, string? detail = null, string? jobId = null) =>
        new(Guid.NewGuid().ToString("N")[..16], time.GetUtcNow(), actor.Name, actor.Id, action, target, before, after, outcome, detail, jobId);

    /// <summary>The entry's puts, to go into the transaction of the change it records.</summary>
    public async Task<IReadOnlyList<TransactWriteItem>> TransactItemsAsync(AuditEntry entry, CancellationToken ct)
    {
        await EnsureMarkersAsync(entry, ct);
        return AuditMapper.Partitions(entry).Select(pk => new TransactWriteItem
        {
            Put = new Put { TableName = schema.Ops.Name, Item = AuditMapper.ToItem(entry, pk), ConditionExpression = "attribute_not_exists(pk)" },
        }).ToList();
    }

    /// <summary>Writes the entry on its own; throws <see cref="AuditWriteException"/> when it cannot. Entries kept from earlier are written after it.</summary>
    public async Task WriteAsync(AuditEntry entry, CancellationToken ct)
    {
        try
        {
            await PutAsync(entry, ct);
        }
        catch (ResourceNotFoundException e)
        {
            // Before `schema apply` the console's table does not exist: expected, and the caller decides (a job that
            // creates the table keeps its start); no stack trace for it.
            var reason = $"the console's table {schema.Ops.Name} does not exist. Create it with Apply schema (Tables & indexes) or `schema apply`.";
            logger.LogInformation("Audit entry {Action} on {Target} not written: {Reason}", entry.Action, entry.Target, reason);
            throw new AuditWriteException(entry, e, reason);
        }
        catch (Exception e) when (e is not OperationCanceledException and not AuditWriteException)
        {
            logger.LogError(e, "Audit entry {Action} on {Target} by {ActorId} could not be written", entry.Action, entry.Target, entry.ActorId);
            throw new AuditWriteException(entry, e, aws.DynamoDbNoAnswer(e));
        }
        if (!pending.IsEmpty) await FlushPendingAsync(CancellationToken.None);
    }

    /// <summary>Records a failed change (its refusal, a conflict); a failed audit write is logged, as the change's own error is what the caller reports.</summary>
    public async Task RecordFailureAsync(Actor actor, string action, string target, string reason, string? before = null, string? after = null)
    {
        try { await WriteAsync(Entry(actor, action, target, before, after, AuditOutcome.Failed, reason), CancellationToken.None); }
        catch (AuditWriteException) { } // WriteAsync logged it with the entry
    }

    private async Task PutAsync(AuditEntry entry, CancellationToken ct)
    {
        try
        {
            var items = await TransactItemsAsync(entry, ct);
            await dynamoDb.TransactWriteItemsAsync(new TransactWriteItemsRequest { TransactItems = [.. items], ClientRequestToken = entry.Id }, ct);
            logger.LogInformation("Audit {Action} on {Target} by {ActorName} ({ActorId}): {Outcome}", entry.Action, entry.Target, entry.ActorName, entry.ActorId, entry.Outcome);
        }
        catch (Exception e) when (e is not OperationCanceledException && e is not TransactionCanceledException)
        {
            // The table may come back empty (re-created): its month and person rows must be written again.
            markers.Clear();
            throw;
        }
    }

    /// <summary>Records a change made elsewhere, or its failure; the change's own exception wins over a failed audit write.</summary>
    public async Task<T> RecordAsync<T>(Actor actor, string action, string target, Func<Task<T>> change, Func<T, AuditEntry?> describe, CancellationToken ct)
    {
        T result;
        try
        {
            result = await change();
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            try { await WriteAsync(Entry(actor, action, target, outcome: AuditOutcome.Failed, detail: e.Message), CancellationToken.None); }
            catch (AuditWriteException) { } // WriteAsync logged it with the entry
            throw;
        }
        if (describe(result) is { } entry) await WriteAsync(entry, ct);
        return result;
    }

    /// <summary>The month and the person get a row in the index partitions once; they are idempotent puts outside the change's transaction.</summary>
    private async Task EnsureMarkersAsync(AuditEntry entry, CancellationToken ct)
    {
        var month = AuditMapper.Month(entry.At);
        if (!markers.ContainsKey($"m{month}"))
        {
            await Put(new() { ["pk"] = S(AuditMapper.MonthsPk), ["sk"] = S(month) });
            markers[$"m{month}"] = true;
        }
        if (!markers.ContainsKey($"a{entry.ActorId}\n{entry.ActorName}"))
        {
            await Put(new() { ["pk"] = S(AuditMapper.ActorsPk), ["sk"] = S(entry.ActorId), ["name"] = S(entry.ActorName) });
            markers[$"a{entry.ActorId}\n{entry.ActorName}"] = true;
        }
        Task Put(Dictionary<string, AttributeValue> item) => dynamoDb.PutItemAsync(new PutItemRequest { TableName = schema.Ops.Name, Item = item }, ct);
    }
}
