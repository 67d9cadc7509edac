using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.CloudWatch;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Aws.Lambda;
using CreatorPlatform.Core.Aws.Signing;
using Microsoft.Extensions.Options;
using Polly;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>Clients pointed at a <see cref="LocalHttpServer"/>, signing with fixed keys, retrying without long waits.</summary>
internal static class AwsTestClients
{
    public static readonly ResiliencePipeline FastRetry = AwsRetry.Create(TimeProvider.System, maxRetries: 2, baseDelay: TimeSpan.FromMilliseconds(10));

    public static AwsContext Context(string profile = "dev") =>
        new(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Region = "us-east-1", Profile = profile }));

    public static HttpClient Http(Uri endpoint, string service) =>
        new(new AwsSigningHandler(() => new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "us-east-1", service, TimeProvider.System, "dev")
            { InnerHandler = new HttpClientHandler() }) { BaseAddress = endpoint };

    public static CloudFormationClient CloudFormation(LocalHttpServer server) =>
        new(Http(server.Uri, CloudFormationClient.SigningName), Context(), FastRetry);

    public static CognitoClient Cognito(LocalHttpServer server) =>
        new(Http(server.Uri, CognitoClient.SigningName), Context(), FastRetry);

    public static LambdaClient Lambda(LocalHttpServer server) =>
        new(Http(server.Uri, LambdaClient.SigningName), Context(), FastRetry);

    public static CloudWatchClient CloudWatch(LocalHttpServer server) =>
        new(Http(server.Uri, CloudWatchClient.SigningName), Context(), FastRetry);
}
