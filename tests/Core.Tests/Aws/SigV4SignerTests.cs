using Amazon.Runtime;
using CreatorPlatform.Core.Aws.Signing;

namespace CreatorPlatform.Core.Tests.Aws;

/// <summary>Vectors from AWS's published SigV4 test suite (aws-sig-v4-test-suite).</summary>
public sealed class SigV4SignerTests
{
    private static readonly ImmutableCredentials Example = new("AKIDEXAMPLE", "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY", null);
    private static readonly DateTime SignedAt = new(2015, 8, 30, 12, 36, 0, DateTimeKind.Utc);

    [Fact]
    public async Task The_get_vanilla_request_gets_the_published_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        var result = await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt, CancellationToken.None);

        Assert.Equal("5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31", result.Signature);
        Assert.Equal("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/service/aws4_request, SignedHeaders=host;x-amz-date, "
            + "Signature=5fa00fa31553b73ebf1942676e86291e8372ff2a2260956d9b8aae1d763fbf31",
            string.Join(",", request.Headers.GetValues("Authorization")));
        Assert.Equal("20150830T123600Z", string.Join(",", request.Headers.GetValues("X-Amz-Date")));
    }

    [Fact]
    public async Task The_get_vanilla_query_order_key_case_request_gets_the_published_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/?Param2=value2&Param1=value1");

        var result = await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt, CancellationToken.None);

        Assert.Equal("b97d918cfa904a5beff61c982a1b6f458b799221646efd99d3219ec94cdf2500", result.Signature);
    }

    [Fact]
    public async Task The_post_x_www_form_urlencoded_request_gets_the_published_signature()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "https://example.amazonaws.com/") { Content = new StringContent("Param1=value1") };
        request.Content.Headers.ContentType = new("application/x-www-form-urlencoded");

        var result = await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt, CancellationToken.None);

        Assert.Equal("ff11897932ad3f4e8b18135d722051e5ac45fc38421b1da7b9d196a0fe09473a", result.Signature);
        Assert.Contains("SignedHeaders=content-type;host;x-amz-date,", string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public async Task Session_credentials_add_a_signed_security_token()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        await SigV4Signer.SignAsync(request, new ImmutableCredentials("AKIDEXAMPLE", "secret", "the-token"), "us-east-1", "service", SignedAt,
            CancellationToken.None);

        Assert.Equal("the-token", string.Join(",", request.Headers.GetValues("X-Amz-Security-Token")));
        Assert.Contains("SignedHeaders=host;x-amz-date;x-amz-security-token,", string.Join(",", request.Headers.GetValues("Authorization")));
    }

    [Fact]
    public async Task Signing_a_request_twice_leaves_one_authorization_header()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "https://example.amazonaws.com/");

        await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt, CancellationToken.None);
        await SigV4Signer.SignAsync(request, Example, "us-east-1", "service", SignedAt.AddMinutes(1), CancellationToken.None);

        Assert.Single(request.Headers.GetValues("Authorization"));
        Assert.Equal("20150830T123700Z", Assert.Single(request.Headers.GetValues("X-Amz-Date")));
    }
}
