using AdminConsole.Security;
using Microsoft.Extensions.Configuration;

namespace AdminConsole.Tests.Security;

public sealed class StartupGuardTests
{
    private static IConfiguration Settings(string mode, string? urls) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["Platform:Mode"] = mode, ["urls"] = urls }).Build();

    [Theory]
    [InlineData(null)]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080;http://[::1]:5081")]
    public void The_sandbox_starts_on_loopback(string? urls) => Assert.Null(StartupGuard.Check(Settings("Sandbox", urls)));

    [Theory]
    [InlineData("http://0.0.0.0:5080")]
    [InlineData("http://*:5080")]
    [InlineData("http://+:8080")]
    [InlineData("http://127.0.0.1:5080;http://192.168.1.20:5080")]
    [InlineData("http://loopback:5080")]
    [InlineData("http://localhost.evil.example:5080")]
    public void The_sandbox_refuses_an_address_beyond_loopback(string urls)
    {
        var refusal = StartupGuard.Check(Settings("Sandbox", urls));

        Assert.NotNull(refusal);
        Assert.Contains("loopback only", refusal);
    }

    [Theory]
    [InlineData("Sandbox")]
    [InlineData("Aws")]
    public void An_ipv4_address_written_as_ipv6_is_refused_with_the_address_to_use_instead(string mode)
    {
        var refusal = StartupGuard.Check(Settings(mode, "http://[::ffff:127.0.0.1]:5092"));

        Assert.NotNull(refusal);
        Assert.Contains("--urls http://127.0.0.1:<port>", refusal);
    }

    [Fact]
    public void Aws_mode_without_an_azure_ad_section_refuses_to_start_and_says_what_is_missing()
    {
        var refusal = StartupGuard.Check(Settings("Aws", "http://127.0.0.1:5080"));

        Assert.NotNull(refusal);
        Assert.Contains("Microsoft Entra ID", refusal);
        Assert.Contains("ClientId, TenantId, Instance", refusal);
        Assert.Contains("-- status", refusal);
    }

    [Fact]
    public void Aws_mode_with_an_azure_ad_section_starts_on_any_address()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Aws", ["urls"] = "http://+:8080", ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "tenant", ["AzureAd:ClientId"] = "client", ["Platform:DataProtectionKmsKeyId"] = "alias/admin-console",
        }).Build();

        Assert.Null(StartupGuard.Check(settings));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("false")]
    [InlineData("yes")]
    public void Aws_mode_refuses_unencrypted_cookie_keys_unless_they_are_allowed_explicitly(string? allow)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Aws", ["AzureAd:Instance"] = "https://login.microsoftonline.com/", ["AzureAd:TenantId"] = "tenant",
            ["AzureAd:ClientId"] = "client", ["Platform:DataProtection:AllowUnencryptedKeys"] = allow,
        };

        var refusal = StartupGuard.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        settings["Platform:DataProtection:AllowUnencryptedKeys"] = "true";
        var allowed = StartupGuard.Check(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

        Assert.NotNull(refusal);
        Assert.Contains("Platform__DataProtectionKmsKeyId", refusal);
        Assert.Contains("Platform__DataProtection__AllowUnencryptedKeys=true", refusal);
        Assert.Null(allowed);
    }

    [Fact]
    public void The_sandbox_refuses_a_kestrel_endpoint_beyond_loopback()
    {
        var settings = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Platform:Mode"] = "Sandbox", ["urls"] = "http://127.0.0.1:5080", ["Kestrel:Endpoints:Public:Url"] = "http://0.0.0.0:5081",
        }).Build();

        var refusal = StartupGuard.Check(settings);

        Assert.NotNull(refusal);
        Assert.Contains("http://0.0.0.0:5081", refusal);
    }
}
