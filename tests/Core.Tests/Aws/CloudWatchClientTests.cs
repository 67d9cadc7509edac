using System.Web;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudWatch;

namespace CreatorPlatform.Core.Tests.Aws;

public sealed class CloudWatchClientTests
{
    public const string GetMetricData = """
        <GetMetricDataResponse xmlns="http://monitoring.amazonaws.com/doc/2010-08-01/">
          <GetMetricDataResult>
            <MetricDataResults>
              <member>
                <Id>m0</Id>
                <Label>ConsumedWriteCapacityUnits</Label>
                <StatusCode>Complete</StatusCode>
                <Timestamps><member>2025-11-20T18:00:00Z</member><member>2025-11-20T18:05:00Z</member></Timestamps>
                <Values><member>120.0</member><member>34.5</member></Values>
              </member>
            </MetricDataResults>
            <Messages/>
          </GetMetricDataResult>
          <ResponseMetadata><RequestId>b9b4b068-3a41-11e5-94eb-example</RequestId></ResponseMetadata>
        </GetMetricDataResponse>
        """;

    [Fact]
    public async Task Get_metric_data_sends_each_query_as_query_protocol_members_and_reads_the_series()
    {
        await using var server = new LocalHttpServer(new CannedResponse(200, GetMetricData));

        var response = await AwsTestClients.CloudWatch(server).GetMetricDataAsync(new()
        {
            StartTime = new DateTime(2025, 11, 20, 15, 0, 0, DateTimeKind.Utc), EndTime = new DateTime(2025, 11, 20, 18, 0, 0, DateTimeKind.Utc),
            MetricDataQueries =
            [
                new() { Id = "m0", MetricStat = new(new("AWS/DynamoDB", "ConsumedWriteCapacityUnits",
                    [new("TableName", "ProductsTable"), new("GlobalSecondaryIndexName", "creatorId-index")]), 300, "Sum") },
            ],
        });

        var result = Assert.Single(response.MetricDataResults!);
        Assert.Equal([120.0, 34.5], result.Values);
        Assert.Equal(new DateTime(2025, 11, 20, 18, 5, 0, DateTimeKind.Utc), result.Timestamps![1]);
        var request = Assert.Single(server.Requests);
        var form = HttpUtility.ParseQueryString(request.Body);
        Assert.Equal(("GetMetricData", "2010-08-01", "2025-11-20T15:00:00Z"), (form["Action"], form["Version"], form["StartTime"]));
        Assert.Equal("ConsumedWriteCapacityUnits", form["MetricDataQueries.member.1.MetricStat.Metric.MetricName"]);
        Assert.Equal("creatorId-index", form["MetricDataQueries.member.1.MetricStat.Metric.Dimensions.member.2.Value"]);
        Assert.Contains("/us-east-1/monitoring/aws4_request", request.Headers["Authorization"]);
    }

    [Fact]
    public async Task Access_denied_names_the_cloudwatch_action()
    {
        await using var server = new LocalHttpServer(new CannedResponse(403, CloudFormationResponses.Error("AccessDenied",
            "User: arn:aws:iam::123456789012:user/admin is not authorized to perform: cloudwatch:GetMetricData")));

        var error = await Assert.ThrowsAsync<AccessDeniedException>(() => AwsTestClients.CloudWatch(server).GetMetricDataAsync(new()));

        Assert.Equal("cloudwatch:GetMetricData", error.Action);
    }
}
