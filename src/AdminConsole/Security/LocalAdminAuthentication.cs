using System.Security.Claims;
using System.Text.Encodings.Web;
using CreatorPlatform.Core;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;

namespace AdminConsole.Security;

/// <summary>
/// The sandbox's automatic sign-in: a caller on this machine is the local admin. Registered in Mode=Sandbox only, and
/// it checks again itself: the mode must be exactly Sandbox and the connection must come from a loopback address,
/// whatever the listen configuration let through.
/// </summary>
public sealed class LocalAdminAuthentication(IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, IConfiguration configuration)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "LocalAdmin";
    public const string Name = "Local admin";
    public const string AdminRole = "Platform.Admin";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (PlatformModes.Read(configuration) != PlatformMode.Sandbox)
            return Task.FromResult(AuthenticateResult.Fail("The local admin exists only in Mode=Sandbox."));
        var remote = Context.Connection.RemoteIpAddress;
        if (!Loopback.IsAddress(remote))
        {
            Logger.LogWarning("Refused the local admin to {Remote}: the sandbox admits callers on loopback only", remote?.ToString() ?? "an unknown address");
            return Task.FromResult(AuthenticateResult.Fail("The local admin is for callers on this machine only."));
        }
        var identity = new ClaimsIdentity(
        [
            new Claim(ClaimTypes.Name, Name),
            new Claim(ClaimTypes.NameIdentifier, "local-admin"),
            new Claim(ClaimTypes.Role, AdminRole),
        ], SchemeName);
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName)));
    }
}
