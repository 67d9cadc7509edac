using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;

namespace CreatorPlatform.Core.Rollback;

public enum PitrState { Enabled, Disabled, NotAvailable, Unreadable }

/// <summary>A table's point-in-time recovery: its state and, when on, the window a restore can go back to.</summary>
public sealed record TablePitr(string Table, PitrState State, DateTimeOffset? EarliestRestorable, DateTimeOffset? LatestRestorable, int? RecoveryPeriodDays, string Detail)
{
    public bool Enabled => State == PitrState.Enabled;
}

/// <summary>
/// DynamoDB's own safety net, read with DescribeContinuousBackups. DynamoDB Local does not implement the call, so the
/// sandbox is "not available here" without asking. A restore always makes a new table: a last resort, not an undo.
/// </summary>
public sealed class PitrService(IAmazonDynamoDB dynamoDb, PlatformSchema schema, AwsContext aws)
{
    public const string NotAvailableHere =
        "Not available here: DynamoDB Local has no point-in-time recovery. In the account, each table's state and earliest restorable time show here.";

    /// <summary>The CDK line that turns it on, for the table's props in the storage stack (the newer spelling of <c>pointInTimeRecovery: true</c>).</summary>
    public const string CdkLine = "pointInTimeRecoverySpecification: { pointInTimeRecoveryEnabled: true },";
    public const string CdkLineLegacy = "pointInTimeRecovery: true,";

    public async Task<IReadOnlyList<TablePitr>> ReadAllAsync(CancellationToken ct) =>
        await Task.WhenAll(schema.Tables.Select(t => ReadAsync(t.Name, ct)));

    public async Task<TablePitr> ReadAsync(string table, CancellationToken ct)
    {
        if (aws.IsSandbox) return new(table, PitrState.NotAvailable, null, null, null, NotAvailableHere);
        try
        {
            var response = await dynamoDb.DescribeContinuousBackupsAsync(new DescribeContinuousBackupsRequest { TableName = table }, ct);
            return FromResponse(table, response);
        }
        catch (Amazon.Runtime.AmazonServiceException e)
        {
            return new(table, PitrState.Unreadable, null, null, null, $"Could not be read ({e.ErrorCode}): {e.Message}");
        }
        catch (HttpRequestException e)
        {
            return new(table, PitrState.Unreadable, null, null, null, $"Could not be read: {e.Message}");
        }
    }

    public static TablePitr FromResponse(string table, DescribeContinuousBackupsResponse response)
    {
        var pitr = response.ContinuousBackupsDescription?.PointInTimeRecoveryDescription;
        if (pitr?.PointInTimeRecoveryStatus?.Value != "ENABLED")
            return new(table, PitrState.Disabled, null, null, null, $"Point-in-time recovery is off: no restore is possible. Turn it on in the storage stack ({CdkLine}).");
        DateTimeOffset? earliest = pitr.EarliestRestorableDateTime is { } e ? new DateTimeOffset(DateTime.SpecifyKind(e, DateTimeKind.Utc)) : null;
        DateTimeOffset? latest = pitr.LatestRestorableDateTime is { } l ? new DateTimeOffset(DateTime.SpecifyKind(l, DateTimeKind.Utc)) : null;
        var days = pitr.RecoveryPeriodInDays;
        return new(table, PitrState.Enabled, earliest, latest, days,
            $"On{(days is null ? "" : $" ({days} days)")}: restorable from {earliest:yyyy-MM-dd HH:mm} UTC{(latest is null ? "" : $" to {latest:yyyy-MM-dd HH:mm} UTC")}, always " +
                $"into a new table.");
    }

    /// <summary>Before a migration in Mode=Aws: a sentence when ProductsTable cannot be restored, else null.</summary>
    public async Task<string?> MigrationWarningAsync(CancellationToken ct)
    {
        if (aws.IsSandbox) return null;
        var products = await ReadAsync(schema.Products.Name, ct);
        return products.State switch
        {
            PitrState.Disabled => $"{products.Table} has no point-in-time recovery: if the migration goes wrong, only its own undo can put products back, and no backup can. "
                + $"Turn it on in the storage stack first ({CdkLine}).",
            PitrState.Unreadable => $"Whether {products.Table} has point-in-time recovery could not be read: {products.Detail}",
            _ => null,
        };
    }
}
