using System.Net.Sockets;

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
        var chain = Chain(e).ToList();
        if (chain.Any(x => x is TimeoutException))
            return $"{where} did not answer within {RequestTimeout.TotalSeconds:0} s, on any of the SDK's attempts";
        if (chain.Any(x => x is SocketException { SocketErrorCode: SocketError.ConnectionRefused }))
            return $"{where} refused the connection: nothing listens there";
        if (chain.Any(x => x is HttpRequestException or IOException))
            return $"{where} closed or reset the connection before it answered, on every attempt";
        return null;
    }

    /// <summary>What an admin does about <see cref="DynamoDbNoAnswer"/>: where to look, then try again.</summary>
    public string DynamoDbNoAnswerNextStep => IsSandbox
        ? string.IsNullOrWhiteSpace(Options.Sandbox.DynamoDbClientEndpoint)
            ? "Check that the sandbox's DynamoDB Local runs (the banner at the top says when the console restarts it), then try again."
            : $"Check that DynamoDB Local runs and that Platform:Sandbox:DynamoDbClientEndpoint ({DynamoDbEndpointText}) leads to it, then try again."
        : $"Check the network, the region ({Options.Region}) and any AWS_ENDPOINT_URL_DYNAMODB override, then try again.";

    private string DynamoDbEndpointText => (EndpointOverride("DYNAMODB") ?? new Uri($"https://dynamodb.{Region.SystemName}.amazonaws.com")).GetLeftPart(UriPartial.Authority);

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (; e is not null; e = e.InnerException) yield return e;
    }
}
