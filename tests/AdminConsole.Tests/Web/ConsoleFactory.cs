using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Web;

/// <summary>
/// The app in Mode=Aws with its real pipeline and policies, signed in by a test scheme that reads the role from a
/// header: none (anonymous), "norole", "viewer" or "admin". DynamoDB points at a closed port: nothing here reaches AWS.
/// </summary>
public class ConsoleFactory : WebApplicationFactory<Program>
{
    public const string RoleHeader = "X-Test-Role";

    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>
    {
        ["Platform:Mode"] = "Aws",
        ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
        ["AzureAd:TenantId"] = "00000000-0000-0000-0000-000000000001",
        ["AzureAd:ClientId"] = "00000000-0000-0000-0000-000000000002",
        // No KMS here: the keys stay in memory, as the ops table does not answer.
        ["Platform:DataProtection:AllowUnencryptedKeys"] = "true",
        ["AWS_ENDPOINT_URL_DYNAMODB"] = "http://127.0.0.1:9",
    };

    protected virtual bool UseTestSignIn => true;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        foreach (var (key, value) in Settings) builder.UseSetting(key, value);
        builder.ConfigureLogging(l => l.SetMinimumLevel(LogLevel.Warning));
        // Dummy keys so that Core's AWS clients can be built; every call they would make goes to a closed port.
        builder.ConfigureServices(services => services.AddSingleton(Infrastructure.NoTablesDynamoDb.DummyKeys));
        if (!UseTestSignIn) return;
        builder.ConfigureTestServices(services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestRoleAuthentication>(TestRoleAuthentication.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o =>
            {
                o.DefaultScheme = o.DefaultAuthenticateScheme = o.DefaultChallengeScheme = o.DefaultForbidScheme = TestRoleAuthentication.SchemeName;
            });
        });
    }

    public HttpClient ClientAs(string? role)
    {
        var client = CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, BaseAddress = new Uri("https://console.test") });
        if (role is not null) client.DefaultRequestHeaders.Add(RoleHeader, role);
        return client;
    }
}

public sealed class TestRoleAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "TestRole";

    public static ClaimsPrincipal Principal(string role) => new(new ClaimsIdentity(
    [
        new Claim("name", $"Test {role}"),
        new Claim("http://schemas.microsoft.com/identity/claims/objectidentifier", $"oid-{role}"),
        .. role switch { "admin" => [new Claim("roles", "Platform.Admin")], "viewer" => [new Claim("roles", "Platform.Viewer")], _ => Array.Empty<Claim>() },
    ], SchemeName, "name", "roles"));

    protected override Task<AuthenticateResult> HandleAuthenticateAsync() =>
        Task.FromResult(Request.Headers.TryGetValue(ConsoleFactory.RoleHeader, out var role)
            ? AuthenticateResult.Success(new AuthenticationTicket(Principal(role.ToString()), SchemeName))
            : AuthenticateResult.NoResult());
}
