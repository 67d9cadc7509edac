namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>Lambda's GetFunctionConfiguration answer and error answers, in the shapes of the Lambda API reference.</summary>
internal static class LambdaResponses
{
    public static string Configuration(string name, IReadOnlyDictionary<string, string> variables) => System.Text.Json.JsonSerializer.Serialize(new Dictionary<string, object>
    {
        ["FunctionName"] = name,
        ["FunctionArn"] = $"arn:aws:lambda:us-east-1:123456789012:function:{name}",
        ["Runtime"] = "nodejs20.x",
        ["Role"] = "arn:aws:iam::123456789012:role/PinterestAffiliateBackendStack-LambdaExecutionRole",
        ["Handler"] = "index.handler",
        ["CodeSize"] = 5797206,
        ["Timeout"] = 30,
        ["MemorySize"] = 256,
        ["LastModified"] = "2025-11-20T18:56:47.305+0000",
        ["Version"] = "$LATEST",
        ["State"] = "Active",
        ["Environment"] = new Dictionary<string, object> { ["Variables"] = variables },
        ["PackageType"] = "Zip",
        ["Architectures"] = new[] { "x86_64" },
    });

    public static CannedResponse Error(int status, string type, string message) => new(status,
        $$"""{"Type":"User","Message":"{{message}}"}""", "application/json", new Dictionary<string, string> { ["x-amzn-ErrorType"] = type });

    public static readonly IReadOnlyDictionary<string, string> GoodVariables = new Dictionary<string, string>
    {
        ["PRODUCTS_TABLE_NAME"] = "ProductsTable",
        ["CREATORS_TABLE_NAME"] = "CreatorsTable",
        ["ANALYTICS_EVENTS_TABLE_NAME"] = "AnalyticsEventsTable",
        ["ANALYTICS_SUMMARIES_TABLE_NAME"] = "AnalyticsSummariesTable",
    };

    /// <summary>ListStackResources for the backend stack: two functions and a role, on one page.</summary>
    public static string BackendStackResources { get; } = StackResourcePage(
        [("GetProductsFunction", "pinterest-affiliate-getProducts", "AWS::Lambda::Function"),
         ("LambdaExecutionRole", "PinterestAffiliateBackendStack-LambdaExecutionRole", "AWS::IAM::Role"),
         ("TrackEventFunction", "pinterest-affiliate-trackEvent", "AWS::Lambda::Function")], nextToken: null);

    /// <summary>One page of ListStackResources, shaped as the API reference's example; <paramref name="nextToken"/> null on the last page.</summary>
    public static string StackResourcePage(IEnumerable<(string Logical, string Physical, string Type)> resources, string? nextToken) => $"""
        <ListStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <ListStackResourcesResult>
            <StackResourceSummaries>
              {string.Concat(resources.Select(r => "<member><ResourceStatus>CREATE_COMPLETE</ResourceStatus>" +
                  $"<LogicalResourceId>{r.Logical}</LogicalResourceId><LastUpdatedTimestamp>2025-11-20T18:56:47Z</LastUpdatedTimestamp>" +
                  $"<PhysicalResourceId>{r.Physical}</PhysicalResourceId><ResourceType>{r.Type}</ResourceType></member>"))}
            </StackResourceSummaries>
            {(nextToken is null ? "" : $"<NextToken>{nextToken}</NextToken>")}
          </ListStackResourcesResult>
          <ResponseMetadata><RequestId>2d06e36c-ac1d-11e0-a958-f9382b6eb86b</RequestId></ResponseMetadata>
        </ListStackResourcesResponse>
        """;
}
