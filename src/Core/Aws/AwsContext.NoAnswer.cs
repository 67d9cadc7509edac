namespace CreatorPlatform.Core.Aws;

public sealed partial class AwsContext
{
    /// <summary>
    /// A DynamoDB call that got no answer, in an admin's words: none within the request timeout, a refused connection, or
    /// one closed before the answer. Null when DynamoDB answered (an AWS error) or the failure is not the network's. The
    /// SDK's own text for these ("The operation was canceled.") says neither what happened nor where.
    /// </summary>
    public string? DynamoDbNoAnswer(Exception e)
    {
        var where = $"DynamoDB at {DynamoDbEndpointText}";
        return AwsErrors.NoAnswerIn(e)?.Kind switch
        {
            NoAnswerKind.TimedOut => $"{where} did not answer within {RequestTimeout.TotalSeconds:0} s, on any of the SDK's attempts",
            NoAnswerKind.Refused => $"{where} refused the connection: nothing listens there",
            NoAnswerKind.Closed => $"{where} closed or reset the connection before it answered, on every attempt",
            _ => null,
        };
    }

    /// <summary>What an admin does about <see cref="DynamoDbNoAnswer"/>: where to look, then try again.</summary>
    public string DynamoDbNoAnswerNextStep => IsSandbox
        ? string.IsNullOrWhiteSpace(Options.Sandbox.DynamoDbClientEndpoint)
            ? "Check that the sandbox's DynamoDB Local runs (the banner at the top says when the console restarts it), then try again."
            : $"Check that DynamoDB Local runs and that Platform:Sandbox:DynamoDbClientEndpoint ({DynamoDbEndpointText}) leads to it, then try again."
        : $"Check the network, the region ({Options.Region}) and any AWS_ENDPOINT_URL_DYNAMODB override, then try again.";

    private string DynamoDbEndpointText => (EndpointOverride("DYNAMODB") ?? new Uri($"https://dynamodb.{Region.SystemName}.amazonaws.com")).GetLeftPart(UriPartial.Authority);
}
