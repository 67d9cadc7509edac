using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.CloudWatch;
using CreatorPlatform.Core.Aws.Lambda;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Aws.Signing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;

namespace CreatorPlatform.Core.Aws;

public static class AwsClientsServiceCollectionExtensions
{
    /// <summary>
    /// Registers <see cref="ICognitoClient"/>, <see cref="ICloudFormationClient"/>, <see cref="ILambdaClient"/> and <see cref="ICloudWatchClient"/> as typed HttpClients whose
    /// endpoint
    /// and SigV4 signing come from <see cref="AwsContext"/>, each behind <see cref="AwsRetry"/>'s policy. Needs <c>IOptions&lt;PlatformOptions&gt;</c>.
    /// </summary>
    public static IServiceCollection AddAwsHttpClients(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton<AwsContext>();
        services.AddOptions<AwsRetryOptions>();

        services.AddHttpClient<ICognitoClient, CognitoClient>((sp, http) => http.BaseAddress = CognitoClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .Signed(CognitoClient.SigningName);
        services.AddHttpClient<ICloudFormationClient, CloudFormationClient>((sp, http) =>
                http.BaseAddress = CloudFormationClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .Signed(CloudFormationClient.SigningName);
        services.AddHttpClient<ILambdaClient, LambdaClient>((sp, http) => http.BaseAddress = LambdaClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .Signed(LambdaClient.SigningName);
        services.AddHttpClient<ICloudWatchClient, CloudWatchClient>((sp, http) => http.BaseAddress = CloudWatchClient.Endpoint(sp.GetRequiredService<AwsContext>()))
            .Signed(CloudWatchClient.SigningName);
        return services;
    }

    /// <summary>
    /// The retry policy first (outermost), then the signer: every attempt is signed again, with a fresh date. Each attempt
    /// waits <see cref="AwsContext.RequestTimeout"/> for its answer, as a DynamoDB call's do; HttpClient's own 100 s for the
    /// whole call is off, so that a stalled Cognito is said as soon as a stalled DynamoDB is, in the same words.
    /// </summary>
    private static IHttpClientBuilder Signed(this IHttpClientBuilder client, string service)
    {
        client.ConfigureHttpClient(http => http.Timeout = Timeout.InfiniteTimeSpan);
        client.AddResilienceHandler(AwsRetry.PipelineName, (pipeline, context) =>
            // Polly's own telemetry would log three lines per retry (an error for each timed-out attempt): ours is one.
            AwsRetry.Configure(pipeline.ConfigureTelemetry(NullLoggerFactory.Instance), context.ServiceProvider.GetRequiredService<IOptions<AwsRetryOptions>>().Value.BaseDelay,
                logger: context.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(AwsRetry)),
                attemptTimeout: context.ServiceProvider.GetRequiredService<AwsContext>().RequestTimeout));
        return client.AddHttpMessageHandler(sp =>
            AwsSigningHandler.For(sp.GetRequiredService<AwsContext>(), service, sp.GetRequiredService<TimeProvider>()));
    }
}
