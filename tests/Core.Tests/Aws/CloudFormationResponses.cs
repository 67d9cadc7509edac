namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>The example responses from the CloudFormation API reference (DescribeStacks, DescribeStackResources, errors).</summary>
internal static class CloudFormationResponses
{
    public const string DescribeStacks = """
        <DescribeStacksResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStacksResult>
            <Stacks>
              <member>
                <StackName>MyStack</StackName>
                <StackId>arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83</StackId>
                <CreationTime>2010-07-27T22:28:28Z</CreationTime>
                <StackStatus>CREATE_COMPLETE</StackStatus>
                <DisableRollback>false</DisableRollback>
                <Outputs>
                  <member>
                    <OutputKey>StartPage</OutputKey>
                    <OutputValue>http://my-load-balancer.amazonaws.com:80/index.html</OutputValue>
                  </member>
                </Outputs>
              </member>
            </Stacks>
          </DescribeStacksResult>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </DescribeStacksResponse>
        """;

    public const string DescribeStackResources = """
        <DescribeStackResourcesResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <DescribeStackResourcesResult>
            <StackResources>
              <member>
                <StackId>arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83</StackId>
                <StackName>MyStack</StackName>
                <LogicalResourceId>MyDBInstance</LogicalResourceId>
                <PhysicalResourceId>MyStack_DB1</PhysicalResourceId>
                <ResourceType>AWS::DBInstance</ResourceType>
                <Timestamp>2010-07-27T22:27:28Z</Timestamp>
                <ResourceStatus>CREATE_COMPLETE</ResourceStatus>
              </member>
              <member>
                <StackId>arn:aws:cloudformation:us-east-1:123456789:stack/MyStack/aaf549a0-a413-11df-adb3-5081b3858e83</StackId>
                <StackName>MyStack</StackName>
                <LogicalResourceId>MyAutoScalingGroup</LogicalResourceId>
                <PhysicalResourceId>MyStack_ASG1</PhysicalResourceId>
                <ResourceType>AWS::AutoScalingGroup</ResourceType>
                <Timestamp>2010-07-27T22:28:28.123456Z</Timestamp>
                <ResourceStatus>CREATE_IN_PROGRESS</ResourceStatus>
              </member>
            </StackResources>
          </DescribeStackResourcesResult>
          <ResponseMetadata>
            <RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId>
          </ResponseMetadata>
        </DescribeStackResourcesResponse>
        """;

    public static string Error(string code, string message, string type = "Sender") => $"""
        <ErrorResponse xmlns="http://cloudformation.amazonaws.com/doc/2010-05-15/">
          <Error>
            <Type>{type}</Type>
            <Code>{code}</Code>
            <Message>{message}</Message>
          </Error>
          <RequestId>42f5b4a6-example</RequestId>
        </ErrorResponse>
        """;
}
