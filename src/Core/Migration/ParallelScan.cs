using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;

namespace CreatorPlatform.Core.Migration;

/// <summary>Reads a whole table page by page with a parallel scan; one page per segment in memory at a time.</summary>
public static class ParallelScan
{
    public static Task ForEachPageAsync(IAmazonDynamoDB dynamoDb, string table, int segments, string? projection, Dictionary<string, string>? names,
        Action<List<Dictionary<string, AttributeValue>>> onPage, CancellationToken ct) =>
        Task.WhenAll(Enumerable.Range(0, segments).Select(async segment =>
        {
            var scan = dynamoDb.Paginators.Scan(new ScanRequest
            {
                TableName = table, Segment = segment, TotalSegments = segments,
                ProjectionExpression = projection, ExpressionAttributeNames = projection is null ? null : names,
            });
            await foreach (var page in scan.Responses.WithCancellation(ct)) onPage(page.Items ?? []);
        }));
}
