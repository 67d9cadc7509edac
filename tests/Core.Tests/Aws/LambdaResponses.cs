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

    /// <summary>DescribeStackResources for the backend stack: two functions and a role.</summary>
    public const string BackendStackResources = """
        <DescribeStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackResourcesResult>
            <StackResources>
              <member>
                <StackName>PinterestAffiliateBackendStack</StackName>
                <LogicalResourceId>GetProductsFunction</LogicalResourceId>
                <PhysicalResourceId>pinterest-affiliate-getProducts</PhysicalResourceId>
                <ResourceType>AWS::Lambda::Function</ResourceType>
                <Timestamp>2025-11-20T18:56:47Z</Timestamp>
                <ResourceStatus>UPDATE_COMPLETE</ResourceStatus>
              </member>
              <member>
                <StackName>PinterestAffiliateBackendStack</StackName>
                <LogicalResourceId>LambdaExecutionRole</LogicalResourceId>
                <PhysicalResourceId>PinterestAffiliateBackendStack-LambdaExecutionRole</PhysicalResourceId>
                <ResourceType>AWS::IAM::Role</ResourceType>
                <Timestamp>2025-11-20T18:50:02Z</Timestamp>
                <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
              </member>
              <member>
                <StackName>PinterestAffiliateBackendStack</StackName>
                <LogicalResourceId>TrackEventFunction</LogicalResourceId>
                <PhysicalResourceId>pinterest-affiliate-trackEvent</PhysicalResourceId>
                <ResourceType>AWS::Lambda::Function</ResourceType>
                <Timestamp>2025-11-20T18:56:49Z</Timestamp>
                <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
              </member>
            </StackResources>
          </DescribeStackResourcesResult>
          <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
        </DescribeStackResourcesResponse>
        """;
}
