using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Schema;

/// <summary>
/// A table a read needs does not exist: before the schema is applied (sandbox), before the stack is deployed, or
/// with a wrong name in Platform:Tables. <paramref name="Fix"/> is the screen that creates it.
/// </summary>
public sealed record TableMissing(string Table, ConsoleScreen Fix = ConsoleScreen.Tables);

/// <summary>Raised by Core's readers in place of DynamoDB's ResourceNotFoundException, naming the table that is missing.</summary>
public sealed class TableMissingException(TableMissing missing, Exception? inner = null) : Exception($"{missing.Table} does not exist yet.", inner)
{
    public TableMissing Missing { get; } = missing;
}

/// <summary>Runs a read that needs the given tables and turns DynamoDB's "resource not found" into a <see cref="TableMissingException"/>.</summary>
public sealed class TableReads(IAmazonDynamoDB dynamoDb)
{
    /// <summary>
    /// The read's result; when DynamoDB says a resource is missing, the first of <paramref name="tables"/> that does
    /// not exist (asked with DescribeTable, only then) is named. DynamoDB's message does not say which.
    /// </summary>
    public async Task<T> ReadAsync<T>(IReadOnlyList<string> tables, Func<Task<T>> read, CancellationToken ct)
    {
        try
        {
            return await read();
        }
        catch (ResourceNotFoundException e)
        {
            throw new TableMissingException(new(await MissingAsync(tables, ct)), e);
        }
    }

    /// <summary>
    /// For a step that writes several tables: throws <see cref="TableMissingException"/> naming the first of
    /// <paramref name="tables"/> that does not exist (one DescribeTable each), before anything is written.
    /// </summary>
    public async Task RequireAsync(IReadOnlyList<string> tables, CancellationToken ct)
    {
        foreach (var table in tables)
        {
            try { await dynamoDb.DescribeTableAsync(table, ct); }
            catch (ResourceNotFoundException e) { throw new TableMissingException(new(table), e); }
        }
    }

    private async Task<string> MissingAsync(IReadOnlyList<string> tables, CancellationToken ct)
    {
        if (tables.Count == 1) return tables[0];
        foreach (var table in tables)
        {
            try { await dynamoDb.DescribeTableAsync(table, ct); }
            catch (ResourceNotFoundException) { return table; }
        }
        return tables[0]; // created meanwhile: the first is the likeliest
    }
}
