using Amazon;
using Amazon.DynamoDBv2;
using Amazon.Extensions.NETCore.Setup;
using Amazon.Runtime;
using Amazon.Runtime.CredentialManagement;
using Amazon.Runtime.Credentials;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Aws;

/// <summary>
/// Where and as whom the console talks to AWS: the sandbox's emulators with dummy keys, or a real account through the
/// SDK's own credential chain (SSO profiles included). Endpoints are overridden only the SDK's standard way
/// (<c>AWS_ENDPOINT_URL_&lt;SERVICE&gt;</c>, <c>AWS_ENDPOINT_URL</c>).
/// </summary>
/// <remarks>Credentials registered in the container win over both (tests use dummy keys without touching the process's environment).</remarks>
public sealed partial class AwsContext(IOptions<PlatformOptions> options, AWSCredentials? registered = null)
{
    private readonly Lazy<AWSCredentials> credentials = new(() => registered ?? ResolveCredentials(options.Value));

    public PlatformOptions Options => options.Value;
    public bool IsSandbox => Options.Mode == PlatformMode.Sandbox;
    public RegionEndpoint Region => RegionEndpoint.GetBySystemName(Options.Region);
    public AWSCredentials Credentials => credentials.Value;

    /// <summary>A human description of where the console points: shown in the banner and printed by the CLI.</summary>
    public string Describe() => IsSandbox
        ? $"Sandbox (DynamoDB Local on {SandboxEndpoint(Options.Sandbox.DynamoDbPort)}{ThroughClientEndpoint}, "
            + $"cognito-local on {SandboxEndpoint(Options.Sandbox.CognitoPort)}{Through(Options.Sandbox.CognitoClientEndpoint)})"
        : $"AWS {Options.Region}, profile {(string.IsNullOrWhiteSpace(Options.Profile) ? "(default chain)" : Options.Profile)}";

    /// <summary>
    /// The endpoint for a service: the sandbox's emulator, else the SDK's environment override, else null (the SDK's
    /// or the caller's regional default). <paramref name="envSuffix"/> is the SDK's service id, e.g. COGNITO_IDENTITY_PROVIDER.
    /// </summary>
    public Uri? EndpointOverride(string envSuffix)
    {
        if (IsSandbox)
            return envSuffix switch
            {
                "DYNAMODB" => SandboxDynamoDbClientEndpoint,
                "COGNITO_IDENTITY_PROVIDER" => string.IsNullOrWhiteSpace(Options.Sandbox.CognitoClientEndpoint)
                    ? SandboxEndpoint(Options.Sandbox.CognitoPort) : new Uri(Options.Sandbox.CognitoClientEndpoint),
                _ => null,
            };
        var value = Environment.GetEnvironmentVariable($"AWS_ENDPOINT_URL_{envSuffix}") ?? Environment.GetEnvironmentVariable("AWS_ENDPOINT_URL");
        return string.IsNullOrWhiteSpace(value) ? null : new Uri(value);
    }

    /// <summary>
    /// Who and where for the SDK's clients built through AWSSDK.Extensions.NETCore.Setup (<c>AddAWSService</c>): the
    /// region and this context's credentials, resolved when the first client is built.
    /// </summary>
    public AWSOptions SdkOptions() => new() { Region = Region, Credentials = Credentials };

    /// <summary>The DynamoDB client's settings, as <c>AddAWSService</c> builds it (a test or benchmark builds its own from this).</summary>
    public AmazonDynamoDBConfig DynamoDbConfig()
    {
        var config = new AmazonDynamoDBConfig { RegionEndpoint = Region };
        ConfigureDynamoDb(config);
        return config;
    }

    /// <summary>Applied after the region (<see cref="SdkOptions"/>), so that the sandbox's ServiceURL wins over it.</summary>
    public void ConfigureDynamoDb(ClientConfig config)
    {
        // Standard retries with backoff and jitter on every request, without the retry quota: under sustained
        // throttling the adaptive mode's client-side bucket refused requests outright ("capacity could not be
        // obtained"), failing bookkeeping writes at random. Bulk jobs pace themselves (AdaptiveConcurrency) and retry
        // between rounds; few retries here keep a page on an unreachable endpoint from hanging for most of a minute.
        config.RetryMode = RequestRetryMode.Standard;
        config.ThrottleRetries = false;
        config.MaxErrorRetry = AwsRetry.MaxAttempts - 1;
        config.Timeout = RequestTimeout;
        if (IsSandbox) config.ServiceURL = SandboxDynamoDbClientEndpoint.ToString();
        // With an endpoint override the SDK's signer finds no region in the URL and, on every request, walks the default
        // region chain (environment, profile files) under a process-wide lock: 40 % of a cold migrate's busy time in Single mode.
        if (EndpointOverride("DYNAMODB") is not null) config.AuthenticationRegion = Region.SystemName;
    }

    /// <summary>How long one attempt of an AWS call (DynamoDB or a signed client) waits for its answer (<c>Platform:Aws:RequestTimeoutSeconds</c>).</summary>
    public TimeSpan RequestTimeout => TimeSpan.FromSeconds(Options.Aws.RequestTimeoutSeconds);

    /// <summary>Where the console's DynamoDB calls go in the sandbox: the emulator's port, or what stands in front of it.</summary>
    private Uri SandboxDynamoDbClientEndpoint => string.IsNullOrWhiteSpace(Options.Sandbox.DynamoDbClientEndpoint)
        ? SandboxEndpoint(Options.Sandbox.DynamoDbPort)
        : new Uri(Options.Sandbox.DynamoDbClientEndpoint);

    private string ThroughClientEndpoint => Through(Options.Sandbox.DynamoDbClientEndpoint);

    private static string Through(string? clientEndpoint) => string.IsNullOrWhiteSpace(clientEndpoint) ? "" : $", reached through {new Uri(clientEndpoint)}";

    private static Uri SandboxEndpoint(int port) => new($"http://127.0.0.1:{port}");

    private static AWSCredentials ResolveCredentials(PlatformOptions o)
    {
        if (o.Mode == PlatformMode.Sandbox) return new BasicAWSCredentials("sandbox", "sandbox");
        if (!string.IsNullOrWhiteSpace(o.Profile))
        {
            if (new CredentialProfileStoreChain().TryGetAWSCredentials(o.Profile, out var profileCredentials)) return profileCredentials;
            throw new AwsSetupException($"The AWS profile '{o.Profile}' was not found in ~/.aws/config or ~/.aws/credentials. "
                + $"Create it (aws configure sso --profile {o.Profile}) or set Platform:Profile to an existing one.");
        }
        return DefaultAWSCredentialsIdentityResolver.GetCredentials();
    }
}

/// <summary>The AWS settings cannot work as given; the message says what to change.</summary>
public sealed class AwsSetupException(string message, Exception? inner = null) : Exception(message, inner);
