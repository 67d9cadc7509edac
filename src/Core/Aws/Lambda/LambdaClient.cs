namespace CreatorPlatform.Core.Aws.Lambda;

/// <summary>
/// Lambda over its REST-JSON protocol (GET /2015-03-31/functions/{name}/configuration). The HttpClient carries the
/// endpoint, the retry policy and the SigV4 handler; there is no endpoint in the sandbox, where no Lambda runs.
/// </summary>
public sealed class LambdaClient(HttpClient http, AwsContext aws) : ILambdaClient
{
    public const string SigningName = "lambda";
    public const string EndpointId = "LAMBDA";
    private const string ApiVersion = "2015-03-31";

    /// <summary>Null in the sandbox unless AWS_ENDPOINT_URL_LAMBDA points somewhere.</summary>
    public static Uri? Endpoint(AwsContext aws) =>
        aws.EndpointOverride(EndpointId) ?? (aws.IsSandbox ? null : new Uri($"https://lambda.{aws.Region.SystemName}.amazonaws.com/"));

    public async Task<GetFunctionConfigurationResponse> GetFunctionConfigurationAsync(GetFunctionConfigurationRequest request, CancellationToken ct = default)
    {
        var endpoint = http.BaseAddress ?? throw new ServiceUnavailableHereException(SigningName, "Lambda is not available here: no Lambda runs in the sandbox.");
        var name = request.FunctionName ?? throw new ArgumentException("FunctionName is required.", nameof(request));
        var path = $"{ApiVersion}/functions/{Uri.EscapeDataString(name)}/configuration"
            + (request.Qualifier is { } q ? $"?Qualifier={Uri.EscapeDataString(q)}" : "");
        using var message = new HttpRequestMessage(HttpMethod.Get, new Uri(endpoint, path));
        return await AwsJsonClient.ExchangeAsync<GetFunctionConfigurationResponse>(http, message,
            new AwsCall(SigningName, "GetFunctionConfiguration", aws.Options.Profile), ct);
    }
}
