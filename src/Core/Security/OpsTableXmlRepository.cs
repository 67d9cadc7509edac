using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Security;

/// <summary>
/// The web app's data-protection keys (which protect its sign-in and antiforgery cookies) in the console's own table,
/// so that a restart, a read-only container or a second replica keeps every session. A key made while the table cannot
/// be reached (data protection reads its keys as the app starts, before the sandbox's emulators answer; in AWS mode the
/// table may not be created yet) is used from memory and written to the table as soon as it answers. The AWS client
/// is resolved on first use: building the pipeline reads these options, and bad settings are the start-up checks' to refuse.
/// </summary>
public sealed class OpsTableXmlRepository(IServiceProvider services, TimeProvider time, ILogger<OpsTableXmlRepository> logger) : IXmlRepository, IDisposable
{
    public const string Pk = OpsKeys.DataProtectionKeys;
    public static readonly TimeSpan RetryEvery = TimeSpan.FromSeconds(15);

    private readonly Lock gate = new();
    private readonly Dictionary<string, XElement> pending = [];
    private ITimer? retry;
    private bool warned;

    private IAmazonDynamoDB DynamoDb => services.GetRequiredService<IAmazonDynamoDB>();
    private string Table => services.GetRequiredService<PlatformSchema>().Ops.Name;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        var stored = new List<XElement>();
        try
        {
            Flush();
            stored.AddRange(ReadStoredAsync().GetAwaiter().GetResult());
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            Warn(e);
        }
        lock (gate) return [.. stored, .. pending.Values];
    }

    private async Task<List<XElement>> ReadStoredAsync()
    {
        var stored = new List<XElement>();
        var query = DynamoDb.Paginators.Query(new QueryRequest
        {
            TableName = Table, KeyConditionExpression = "pk = :pk", ConsistentRead = true,
            ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = Pk } },
        });
        // ConfigureAwait(false): GetAllElements blocks on this, on whatever thread data protection calls it from.
        await foreach (var page in query.Responses.ConfigureAwait(false))
            stored.AddRange((page.Items ?? []).Where(i => i.ContainsKey("xml")).Select(i => XElement.Parse(i["xml"].S)));
        return stored;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate) pending[friendlyName] = element;
        try
        {
            Flush();
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            Warn(e);
            lock (gate) retry ??= time.CreateTimer(_ => RetryFlush(), null, RetryEvery, RetryEvery);
        }
    }

    /// <summary>Writes the keys not yet in the table; throws while it cannot be reached.</summary>
    private void Flush()
    {
        List<KeyValuePair<string, XElement>> keys;
        lock (gate) keys = [.. pending];
        foreach (var (name, element) in keys)
        {
            try
            {
                DynamoDb.PutItemAsync(new PutItemRequest
                {
                    TableName = Table,
                    Item = new()
                    {
                        ["pk"] = new AttributeValue { S = Pk }, ["sk"] = new AttributeValue { S = name }, ["kind"] = new AttributeValue { S = "dataprotection-key" },
                        ["xml"] = new AttributeValue { S = element.ToString(SaveOptions.DisableFormatting) },
                    },
                    ConditionExpression = "attribute_not_exists(pk)",
                }).GetAwaiter().GetResult();
            }
            catch (ConditionalCheckFailedException)
            {
                // Already written (a retry after a lost answer): keys are never replaced.
            }
            lock (gate) pending.Remove(name);
        }
        lock (gate)
        {
            if (pending.Count > 0 || retry is null) return;
            retry.Dispose();
            retry = null;
        }
        logger.LogInformation("Data-protection keys are kept in {Table} again", Table);
    }

    /// <summary>A timer's callback: it must never throw, or the process ends.</summary>
    private void RetryFlush()
    {
        try { Flush(); }
        catch (ObjectDisposedException)
        {
            // The console is shutting down (its services are gone): the keys stay as they are, in memory, as before.
            lock (gate)
            {
                retry?.Dispose();
                retry = null;
            }
        }
        catch (Exception e) when (IsUnreachable(e))
        {
            // Warned once when it started; each further attempt is a debug line, not a warning per interval.
            logger.LogDebug("Data-protection keys are still not written; next attempt in {Interval}: {Reason}", RetryEvery, e.Message);
        }
    }

    /// <summary>The table cannot serve now: DynamoDB refused (the table missing, say), the SDK failed, or no answer came.</summary>
    private static bool IsUnreachable(Exception e) => e is AmazonDynamoDBException or Amazon.Runtime.AmazonClientException || AwsErrors.NoAnswerIn(e) is not null;

    private void Warn(Exception e)
    {
        lock (gate)
        {
            if (warned) return;
            warned = true;
        }
        logger.LogWarning("Data-protection keys cannot be kept in {Table} yet ({Reason}); new keys are used from memory and written there once it answers",
            Table, e.Message);
    }

    public void Dispose()
    {
        lock (gate) retry?.Dispose();
    }
}
