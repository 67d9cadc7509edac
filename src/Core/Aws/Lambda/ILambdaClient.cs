namespace CreatorPlatform.Core.Aws.Lambda;

/// <summary>The Lambda reads the console uses, shaped like the SDK's IAmazonLambda.</summary>
public interface ILambdaClient
{
    Task<GetFunctionConfigurationResponse> GetFunctionConfigurationAsync(GetFunctionConfigurationRequest request, CancellationToken ct = default);
}
