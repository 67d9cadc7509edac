using System.Xml.Linq;
using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using CreatorPlatform.Core.Schema;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CreatorPlatform.Core.Security;

/// <summary>
/// The web app's data-protection keys (which protect its sign-in and antiforgery cookies) in the console's own table,
/// so that a restart, a read-only container or a second replica keeps every session. When the table cannot be read
/// (not created yet in AWS mode), the keys live in memory until the process ends, as ASP.NET Core's default would,
/// and the log says so once. The AWS client is resolved on first use: building the web app's pipeline reads these
/// options, and settings that cannot work must be refused by the start-up checks, not fail there.
/// </summary>
public sealed class OpsTableXmlRepository(IServiceProvider services, ILogger<OpsTableXmlRepository> logger) : IXmlRepository
{
    public const string Pk = "dataprotection#keys";

    private readonly Lock gate = new();
    private readonly List<XElement> memory = [];
    private bool unavailable;

    private IAmazonDynamoDB DynamoDb => services.GetRequiredService<IAmazonDynamoDB>();
    private string Table => services.GetRequiredService<PlatformSchema>().Ops.Name;

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        lock (gate) if (unavailable) return memory.ToList();
        try
        {
            var elements = new List<XElement>();
            Dictionary<string, AttributeValue>? start = null;
            do
            {
                var page = DynamoDb.QueryAsync(new QueryRequest
                {
                    TableName = Table, KeyConditionExpression = "pk = :pk", ConsistentRead = true, ExclusiveStartKey = start,
                    ExpressionAttributeValues = new() { [":pk"] = new AttributeValue { S = Pk } },
                }).GetAwaiter().GetResult();
                elements.AddRange((page.Items ?? []).Where(i => i.ContainsKey("xml")).Select(i => XElement.Parse(i["xml"].S)));
                start = page.LastEvaluatedKey is { Count: > 0 } next ? next : null;
            } while (start is not null);
            return elements;
        }
        catch (Exception e) when (e is AmazonDynamoDBException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            Fallback(e);
            lock (gate) return memory.ToList();
        }
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        lock (gate)
        {
            if (unavailable)
            {
                memory.Add(element);
                return;
            }
        }
        try
        {
            DynamoDb.PutItemAsync(new PutItemRequest
            {
                TableName = Table,
                Item = new()
                {
                    ["pk"] = new AttributeValue { S = Pk }, ["sk"] = new AttributeValue { S = friendlyName }, ["kind"] = new AttributeValue { S = "dataprotection-key" },
                    ["xml"] = new AttributeValue { S = element.ToString(SaveOptions.DisableFormatting) },
                },
                ConditionExpression = "attribute_not_exists(pk)",
            }).GetAwaiter().GetResult();
        }
        catch (Exception e) when (e is AmazonDynamoDBException or HttpRequestException or Amazon.Runtime.AmazonClientException)
        {
            Fallback(e);
            lock (gate) memory.Add(element);
        }
    }

    private void Fallback(Exception e)
    {
        lock (gate)
        {
            if (unavailable) return;
            unavailable = true;
        }
        logger.LogWarning(e, "Data-protection keys cannot be kept in {Table} ({Reason}); they stay in memory, so sign-ins end when this process stops",
            Table, e.Message);
    }
}
