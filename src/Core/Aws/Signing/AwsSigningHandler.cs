using System.Net;
using Amazon.Runtime;

namespace CreatorPlatform.Core.Aws.Signing;

/// <summary>Signs each outgoing request with SigV4, resolving the credentials through the SDK on every call (they refresh).</summary>
public sealed class AwsSigningHandler(Func<AWSCredentials> credentials, string region, string service, TimeProvider time, string? profile = null)
    : DelegatingHandler
{
    public static AwsSigningHandler For(AwsContext aws, string service, TimeProvider time) =>
        new(() => aws.Credentials, aws.Region.SystemName, service, time, aws.Options.Profile);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
    {
        await SigV4Signer.SignAsync(request, await ResolveAsync(), region, service, time.GetUtcNow().UtcDateTime, ct);
        return await base.SendAsync(request, ct);
    }

    private async Task<ImmutableCredentials> ResolveAsync()
    {
        try
        {
            return await credentials().GetCredentialsAsync();
        }
        catch (Exception e) when (e is AmazonClientException or AmazonServiceException)
        {
            throw new ExpiredCredentialsException("CredentialsUnavailable", e.Message, 0, profile, e);
        }
    }
}
