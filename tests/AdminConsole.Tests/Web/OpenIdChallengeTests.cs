using System.Net;
using System.Net.Sockets;
using System.Text;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Web;

/// <summary>
/// Microsoft.Identity.Web's own OpenID Connect handler, not a test scheme, against a local OpenID provider that serves
/// a discovery document and an empty key set: an anonymous visit must be redirected to its authorization endpoint.
/// </summary>
[System.Diagnostics.CodeAnalysis.SuppressMessage("Design", "CA1001", Justification = "xunit closes the listener through IAsyncLifetime.DisposeAsync.")]
public sealed class OpenIdChallengeTests : IAsyncLifetime
{
    private readonly HttpListener provider = new();
    private readonly int port = FreePort();
    private Task? serving;
    private string Issuer => $"http://127.0.0.1:{port}/tenant-1/v2.0";

    public Task InitializeAsync()
    {
        provider.Prefixes.Add($"http://127.0.0.1:{port}/");
        provider.Start();
        serving = Task.Run(ServeAsync);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task An_anonymous_visit_is_redirected_to_the_providers_authorization_endpoint_with_the_apps_client_id()
    {
        await using var factory = new EntraFactory(port);
        var client = factory.ClientAs(null);

        var response = await client.GetAsync("/tables");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var location = response.Headers.Location!.ToString();
        Assert.StartsWith($"http://127.0.0.1:{port}/tenant-1/oauth2/v2.0/authorize?", location);
        Assert.Contains("client_id=client-app-1", location);
        Assert.Contains($"redirect_uri={Uri.EscapeDataString("https://console.test/signin-oidc")}", location);
        Assert.Contains("scope=openid", location);
    }

    [Theory]
    [InlineData("/%09/evil.example")]
    [InlineData("//evil.example")]
    [InlineData("/%5Cevil.example")]
    [InlineData("https://evil.example/")]
    [InlineData("/%0A/evil.example")]
    public async Task Sign_in_returns_only_to_a_local_path(string returnUrl)
    {
        await using var factory = new EntraFactory(port);

        var response = await factory.ClientAs(null).GetAsync($"/signin?returnUrl={returnUrl}");

        Assert.Equal("/", ReturnAddress(factory, response));
    }

    [Fact]
    public async Task Sign_in_keeps_a_local_return_path()
    {
        await using var factory = new EntraFactory(port);

        var response = await factory.ClientAs(null).GetAsync("/signin?returnUrl=%2Fcreators%2Fjesskoufo%3Ftab%3D1");

        Assert.Equal("/creators/jesskoufo?tab=1", ReturnAddress(factory, response));
    }

    /// <summary>Where the handler will send the browser after sign-in: the RedirectUri inside the protected state parameter.</summary>
    private static string? ReturnAddress(EntraFactory factory, HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var query = System.Web.HttpUtility.ParseQueryString(response.Headers.Location!.Query);
        var options = factory.Services.GetRequiredService<IOptionsMonitor<OpenIdConnectOptions>>().Get(OpenIdConnectDefaults.AuthenticationScheme);
        return options.StateDataFormat.Unprotect(query["state"])!.RedirectUri;
    }

    private async Task ServeAsync()
    {
        while (provider.IsListening)
        {
            HttpListenerContext context;
            try { context = await provider.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException) { return; }
            var path = context.Request.Url!.AbsolutePath;
            var body = path.EndsWith("/openid-configuration", StringComparison.Ordinal)
                ? $$"""
                  {"issuer":"{{Issuer}}","authorization_endpoint":"http://127.0.0.1:{{port}}/tenant-1/oauth2/v2.0/authorize",
                   "token_endpoint":"http://127.0.0.1:{{port}}/tenant-1/oauth2/v2.0/token","jwks_uri":"http://127.0.0.1:{{port}}/tenant-1/discovery/v2.0/keys",
                   "end_session_endpoint":"http://127.0.0.1:{{port}}/tenant-1/oauth2/v2.0/logout",
                   "response_types_supported":["code","id_token"],"subject_types_supported":["pairwise"],"id_token_signing_alg_values_supported":["RS256"]}
                  """
                : """{"keys":[]}""";
            var bytes = Encoding.UTF8.GetBytes(body);
            context.Response.ContentType = "application/json";
            await context.Response.OutputStream.WriteAsync(bytes);
            context.Response.Close();
        }
    }

    public async Task DisposeAsync()
    {
        // Close alone: after Stop, Close unregisters the prefix again, and on Linux that binds the port anew, which
        // fails with "Address already in use" once another test has been given the port.
        provider.Close();
        if (serving is not null) await serving;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private sealed class EntraFactory(int port) : ConsoleFactory
    {
        protected override bool UseTestSignIn => false;

        protected override IDictionary<string, string?> Settings => new Dictionary<string, string?>(base.Settings)
        {
            ["AzureAd:Instance"] = $"http://127.0.0.1:{port}/",
            ["AzureAd:TenantId"] = "tenant-1",
            ["AzureAd:ClientId"] = "client-app-1",
            ["AzureAd:RequireHttpsMetadata"] = "false",
        };
    }
}
