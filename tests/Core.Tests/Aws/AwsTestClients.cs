using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.CloudFormation;
using CreatorPlatform.Core.Aws.CloudWatch;
using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Aws.Lambda;
using CreatorPlatform.Core.Aws.Signing;
using Microsoft.Extensions.Http.Resilience;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>
/// Clients pointed at a <see cref="LocalHttpServer"/>, signing with fixed keys, behind the retry policy as the console
/// registers it (outside the signer) but with short waits and, unless a test asks for more, 3 attempts.
/// </summary>
internal static class AwsTestClients
{
    public const int FastAttempts = 3;

    public static AwsContext Context(string profile = "dev") =>
        new(Options.Create(new PlatformOptions { Mode = PlatformMode.Aws, Region = "us-east-1", Profile = profile }));

    public static HttpClient Http(Uri endpoint, string service, int attempts = FastAttempts) =>
        new(new ResilienceHandler(AwsRetry.Pipeline(TimeSpan.FromMilliseconds(10), attempts))
        {
            InnerHandler = new AwsSigningHandler(() => new BasicAWSCredentials("AKIDEXAMPLE", "secret"), "us-east-1", service, TimeProvider.System, "dev")
                { InnerHandler = new HttpClientHandler() },
        }) { BaseAddress = endpoint };

    public static CloudFormationClient CloudFormation(LocalHttpServer server) =>
        new(Http(server.Uri, CloudFormationClient.SigningName), Context());

    public static CognitoClient Cognito(LocalHttpServer server) =>
        new(Http(server.Uri, CognitoClient.SigningName), Context());

    public static LambdaClient Lambda(LocalHttpServer server) =>
        new(Http(server.Uri, LambdaClient.SigningName), Context());

    public static CloudWatchClient CloudWatch(LocalHttpServer server) =>
        new(Http(server.Uri, CloudWatchClient.SigningName), Context());
}
