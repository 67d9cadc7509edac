using System.Net;

namespace AdminConsole.Tests.Web;

/// <summary>The sandbox's automatic admin answers this machine only: by caller address, by Host name and by page origin.</summary>
public sealed class SandboxExposureTests(SandboxFactory factory) : IClassFixture<SandboxFactory>
{
    [Theory]
    [InlineData("evil.example")]
    [InlineData("evil.example:5080")]
    [InlineData("192.168.1.20:5080")]
    public async Task A_foreign_host_header_gets_400(string host)
    {
        var client = factory.ClientFrom("127.0.0.1", host);

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Theory]
    [InlineData("localhost:5080")]
    [InlineData("127.0.0.1:5080")]
    [InlineData("[::1]:5080")]
    public async Task Loopback_host_names_are_answered(string host)
    {
        var client = factory.ClientFrom("127.0.0.1", host);

        var response = await client.GetAsync("/health/live");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task A_dns_rebinding_page_cannot_open_a_circuit_even_though_its_origin_matches_its_host()
    {
        var client = factory.ClientFrom("127.0.0.1", "evil.example:5080");
        client.DefaultRequestHeaders.Add("Origin", "http://evil.example:5080");

        var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.False(response.IsSuccessStatusCode, $"negotiate answered {(int)response.StatusCode}");
    }

    [Fact]
    public async Task The_circuit_hub_refuses_a_foreign_origin_sent_with_a_loopback_host()
    {
        var client = factory.ClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("Origin", "http://evil.example");

        var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://localhost:3000")]
    [InlineData("http://127.0.0.1:5081")]
    [InlineData("https://127.0.0.1:5080")]
    public async Task The_circuit_hub_refuses_another_program_on_this_machine(string origin)
    {
        var client = factory.ClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("Origin", origin);

        var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Theory]
    [InlineData("http://127.0.0.1:5080")]
    [InlineData("http://localhost:5080")]
    public async Task The_circuit_hub_admits_the_consoles_own_pages(string origin)
    {
        var client = factory.ClientFrom("127.0.0.1");
        client.DefaultRequestHeaders.Add("Origin", origin);

        var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.True(response.IsSuccessStatusCode, $"negotiate answered {(int)response.StatusCode}");
    }

    [Theory]
    [InlineData("192.168.1.20")]
    [InlineData("10.0.0.7")]
    [InlineData("::ffff:192.168.1.20")]
    public async Task A_caller_from_another_machine_is_not_the_local_admin(string remote)
    {
        var client = factory.ClientFrom(remote);

        var response = await client.GetAsync("/creators/onboard");

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("127.0.0.1")]
    [InlineData("::1")]
    public async Task A_caller_on_this_machine_is_the_local_admin(string remote)
    {
        var client = factory.ClientFrom(remote);

        var response = await client.GetAsync("/creators/onboard");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }
}
