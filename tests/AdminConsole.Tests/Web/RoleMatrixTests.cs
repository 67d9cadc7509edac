using System.Net;

namespace AdminConsole.Tests.Web;

public sealed class RoleMatrixTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    public static readonly TheoryData<string> Pages = new() { "/", "/tables", "/migration", "/creators", "/creators/onboard", "/creators/jesskoufo", "/analytics", "/audit" };

    [Theory]
    [MemberData(nameof(Pages))]
    public async Task Every_page_refuses_anonymous_and_role_less_users_and_opens_for_viewers_and_admins(string page)
    {
        var anonymous = await factory.ClientAs(null).GetAsync(page);
        var noRole = await factory.ClientAs("norole").GetAsync(page);
        var viewer = await factory.ClientAs("viewer").GetAsync(page);
        var admin = await factory.ClientAs("admin").GetAsync(page);

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, noRole.StatusCode);
        Assert.Equal(HttpStatusCode.OK, viewer.StatusCode);
        Assert.Equal(HttpStatusCode.OK, admin.StatusCode);
    }

    [Theory]
    [InlineData(null, HttpStatusCode.Unauthorized)]
    [InlineData("norole", HttpStatusCode.Forbidden)]
    public async Task The_csv_export_refuses_anyone_without_a_console_role(string? role, HttpStatusCode expected)
    {
        var response = await factory.ClientAs(role).GetAsync("/audit/export.csv");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Every_response_carries_the_security_headers()
    {
        var response = await factory.ClientAs("viewer").GetAsync("/tables");

        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("frame-ancestors 'none'", csp);
        Assert.Contains("script-src 'self'", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("nosniff", response.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
        Assert.StartsWith("max-age=31536000", response.Headers.GetValues("Strict-Transport-Security").Single());
    }

    [Fact]
    public async Task Images_load_only_from_this_origin_and_the_configured_image_hosts()
    {
        var response = await factory.ClientAs("viewer").GetAsync("/tables");

        var imgSrc =
            string.Join(' ', response.Headers.GetValues("Content-Security-Policy")).Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("img-src", StringComparison.Ordinal));
        Assert.Equal("img-src 'self' data: https://m.media-amazon.com https://images.example.com", imgSrc);
    }

    [Fact]
    public async Task The_circuit_hub_refuses_a_page_of_another_origin()
    {
        var client = factory.ClientAs("admin");
        client.DefaultRequestHeaders.Add("Origin", "https://evil.example");

        var response = await client.PostAsync("/_blazor/negotiate?negotiateVersion=1", null);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
    }

    [Fact]
    public async Task Liveness_answers_anyone_and_readiness_shows_details_only_to_admins()
    {
        var live = await factory.ClientAs(null).GetAsync("/health/live");
        var anonymousReady = await factory.ClientAs(null).GetAsync("/health/ready");
        var viewerReady = await factory.ClientAs("viewer").GetAsync("/health/ready");
        var adminReady = await factory.ClientAs("admin").GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.True(anonymousReady.StatusCode == HttpStatusCode.ServiceUnavailable, await adminReady.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", await anonymousReady.Content.ReadAsStringAsync());
        Assert.Equal("Unhealthy", await viewerReady.Content.ReadAsStringAsync());
        var details = await adminReady.Content.ReadAsStringAsync();
        Assert.Contains("\"dynamodb\"", details);
        Assert.Contains("not reachable", details);
    }
}
