using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdminConsole.Security;

/// <summary>The sandbox's automatic sign-in: everyone on loopback is the local admin. Registered in Sandbox mode only.</summary>
public sealed class LocalAdminAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalAdmin";
    public const string Name = "Local admin";
    public const string AdminRole = "Platform.Admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, Name),
            new Claim(ClaimTypes.NameIdentifier, "local-admin"),
            new Claim(ClaimTypes.Role, AdminRole),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
