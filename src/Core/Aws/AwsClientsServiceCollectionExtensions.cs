using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.CloudWatch;
using CreatorPlatform.Core.Aws.Lambda;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Aws.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace CreatorPlatform.Core.Aws;

public static class AwsClientsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICognitoClient"/>, <see cref="ICloudFormationClient"/>, <see cref="ILambdaClient"/> and <see cref="ICloudWatchClient"/> as typed HttpClients whose endpoint
    /// and SigV4 signing come from <see cref="AwsContext"/>. Needs <c>IOptions&lt;PlatformOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddAwsHttpClients(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsContext>();

        services.AddHttpClient<ICognitoClient, CognitoClient>((sp, http) => http.BaseAddress = CognitoClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .AddHttpMessageHandler(sp => Signer(sp, CognitoClient.SigningName));
        services.AddHttpClient<ICloudFormationClient, CloudFormationClient>((sp, http) =>
                http.BaseAddress = CloudFormationClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .AddHttpMessageHandler(sp => Signer(sp, CloudFormationClient.SigningName));
        services.AddHttpClient<ILambdaClient, LambdaClient>((sp, http) => http.BaseAddress = LambdaClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .AddHttpMessageHandler(sp => Signer(sp, LambdaClient.SigningName));
        services.AddHttpClient<ICloudWatchClient, CloudWatchClient>((sp, http) => http.BaseAddress = CloudWatchClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .AddHttpMessageHandler(sp => Signer(sp, CloudWatchClient.SigningName));
        return services;
    }

    private static AwsSigningHandler Signer(IServiceProvider sp, string service) =>
        AwsSigningHandler.For(sp.GetRequiredService<AwsContext>(), service, sp.GetRequiredService<TimeProvider>());
}
