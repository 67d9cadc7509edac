namespace CreatorPlatform.Core.Tests;

public sealed class PlatformOptionsValidatorTests
{
    private static IEnumerable<string> Errors(PlatformOptions options) => new PlatformOptionsValidator().Validate(null, options).Failures ?? [];

    [Theory]
    [InlineData(2)]
    [InlineData(-1)]
    public void A_mode_bound_from_a_number_is_neither_sandbox_nor_aws_and_is_refused(int mode)
    {
        var errors = Errors(new PlatformOptions { Mode = (PlatformMode)mode });

        Assert.Contains(errors, e => e.Contains("neither Sandbox nor Aws"));
    }

    [Theory]
    [InlineData("https://m.media-amazon.com")]
    [InlineData("images.example.com; script-src *")]
    [InlineData("images.example.com/products")]
    [InlineData("*")]
    public void An_image_host_that_is_not_a_plain_host_name_is_refused_before_it_reaches_the_csp(string host)
    {
        var errors = Errors(new PlatformOptions { ImageHosts = [host] });

        Assert.Contains(errors, e => e.Contains("Platform:ImageHosts"));
    }

    [Theory]
    [InlineData("m.media-amazon.com")]
    [InlineData("*.cloudfront.net")]
    public void A_host_name_or_a_subdomain_wildcard_is_an_image_host(string host) =>
        Assert.Empty(Errors(new PlatformOptions { ImageHosts = [host] }));

    [Theory]
    [InlineData("127.0.0.1:8422")]
    [InlineData("ftp://127.0.0.1:8422")]
    [InlineData("proxy")]
    public void A_sandbox_dynamodb_client_endpoint_that_is_not_an_http_url_is_refused(string endpoint)
    {
        var errors = Errors(new PlatformOptions { Sandbox = new() { DynamoDbClientEndpoint = endpoint } });

        Assert.Contains(errors, e => e.Contains("Platform:Sandbox:DynamoDbClientEndpoint"));
    }

    [Theory]
    [InlineData("127.0.0.1:9422")]
    [InlineData("ftp://127.0.0.1:9422")]
    public void A_sandbox_cognito_client_endpoint_that_is_not_an_http_url_is_refused(string endpoint)
    {
        var errors = Errors(new PlatformOptions { Sandbox = new() { CognitoClientEndpoint = endpoint } });

        Assert.Contains(errors, e => e.Contains("Platform:Sandbox:CognitoClientEndpoint"));
        Assert.Empty(Errors(new PlatformOptions { Sandbox = new() { CognitoClientEndpoint = "http://127.0.0.1:9422" } }));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(301)]
    public void A_request_timeout_out_of_range_is_refused(int seconds)
    {
        var errors = Errors(new PlatformOptions { Aws = new() { RequestTimeoutSeconds = seconds } });

        Assert.Contains(errors, e => e.Contains("Platform:Aws:RequestTimeoutSeconds must be between 1 and 300"));
    }

    [Fact]
    public void The_defaults_with_a_proxy_in_front_of_dynamodb_local_and_a_short_timeout_are_valid() =>
        Assert.Empty(Errors(new PlatformOptions { Sandbox = new() { DynamoDbClientEndpoint = "http://127.0.0.1:8422" }, Aws = new() { RequestTimeoutSeconds = 2 } }));

    [Theory]
    [InlineData("Sandbox", PlatformMode.Sandbox)]
    [InlineData("aws", PlatformMode.Aws)]
    [InlineData("", PlatformMode.Sandbox)]
    [InlineData("2", null)]
    [InlineData("Production", null)]
    public void The_mode_is_read_by_name_only(string raw, PlatformMode? expected) => Assert.Equal(expected, PlatformModes.Parse(raw));
}
