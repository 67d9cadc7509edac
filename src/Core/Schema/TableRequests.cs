using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Schema;

/// <summary>The DynamoDB requests that build a <see cref="TableSpec"/>: on-demand billing, indexes projecting ALL.</summary>
public static class TableRequests
{
    public static CreateTableRequest Create(TableSpec spec) => new()
    {
        TableName = spec.Name,
        BillingMode = BillingMode.PAY_PER_REQUEST,
        KeySchema = Keys(spec.Hash, spec.Range),
        AttributeDefinitions = Attributes([spec.Hash, spec.Range, .. spec.Indexes.SelectMany(i => new[] { i.Hash, i.Range })]),
        GlobalSecondaryIndexes = spec.Indexes.Count == 0 ? null : spec.Indexes.Select(Index).ToList(),
    };

    /// <summary>One index per UpdateTable: DynamoDB refuses two index creations in one call.</summary>
    public static UpdateTableRequest AddIndex(TableSpec spec, IndexSpec index) => new()
    {
        TableName = spec.Name,
        AttributeDefinitions = Attributes([index.Hash, index.Range]),
        GlobalSecondaryIndexUpdates = [new GlobalSecondaryIndexUpdate { Create = new CreateGlobalSecondaryIndexAction
        {
            IndexName = index.Name,
            KeySchema = Keys(index.Hash, index.Range),
            Projection = new Projection { ProjectionType = ProjectionType.ALL },
        } }],
    };

    public static UpdateTimeToLiveRequest EnableTtl(TableSpec spec) => new()
    {
        TableName = spec.Name,
        TimeToLiveSpecification = new TimeToLiveSpecification { AttributeName = spec.TtlAttribute, Enabled = true },
    };

    private static GlobalSecondaryIndex Index(IndexSpec index) => new()
    {
        IndexName = index.Name,
        KeySchema = Keys(index.Hash, index.Range),
        Projection = new Projection { ProjectionType = ProjectionType.ALL },
    };

    private static List<KeySchemaElement> Keys(KeySpec hash, KeySpec? range) => range is null
        ? [new(hash.Name, KeyType.HASH)]
        : [new(hash.Name, KeyType.HASH), new(range.Name, KeyType.RANGE)];

    private static List<AttributeDefinition> Attributes(IEnumerable<KeySpec?> keys) => keys.OfType<KeySpec>()
        .DistinctBy(k => k.Name).Select(k => new AttributeDefinition(k.Name, new ScalarAttributeType(k.Type))).ToList();
}
