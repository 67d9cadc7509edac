using System.Globalization;
using System.Security.Claims;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;

namespace AdminConsole.Security;

/// <summary>
/// A sign-in lasts <see cref="AccessOptions.AbsoluteSessionHours"/> from the moment it was made, however active the
/// admin is (the cookie's sliding renewal would otherwise keep it, and the roles it carries, forever). The time of
/// sign-in travels as a claim, so that a circuit, which has no cookie, can check it too.
/// </summary>
public sealed class ConsoleSession(AccessOptions access, TimeProvider time)
{
    public const string SignedInAtClaim = "console:signed_in_at";

    public TimeSpan Lifetime => TimeSpan.FromHours(access.AbsoluteSessionHours);

    public static DateTimeOffset? SignedInAt(ClaimsPrincipal user) =>
        long.TryParse(user.FindFirst(SignedInAtClaim)?.Value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            ? DateTimeOffset.FromUnixTimeSeconds(seconds) : null;

    /// <summary>False once the sign-in is older than the absolute lifetime; a principal without the claim falls back to <paramref name="issued"/>.</summary>
    public bool IsCurrent(ClaimsPrincipal user, DateTimeOffset? issued = null)
    {
        if (user.Identity?.IsAuthenticated != true) return true;
        var since = SignedInAt(user) ?? issued;
        return since is null || time.GetUtcNow() - since.Value < Lifetime;
    }

    /// <summary>The cookie's events: stamp the sign-in once, refuse the cookie after the lifetime.</summary>
    public void Apply(CookieAuthenticationEvents events)
    {
        var signingIn = events.OnSigningIn;
        events.OnSigningIn = async context =>
        {
            if (context.Principal?.Identity is ClaimsIdentity identity && SignedInAt(context.Principal) is null)
                identity.AddClaim(new Claim(SignedInAtClaim, time.GetUtcNow().ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture)));
            await signingIn(context);
        };
        var validate = events.OnValidatePrincipal;
        events.OnValidatePrincipal = async context =>
        {
            if (context.Principal is not null && !IsCurrent(context.Principal, context.Properties.IssuedUtc))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(CookieAuthenticationDefaults.AuthenticationScheme);
                return;
            }
            await validate(context);
        };
    }
}

/// <summary>
/// Re-checks a circuit's sign-in every <see cref="AccessOptions.RevalidateMinutes"/>: a circuit can outlive its cookie by
/// hours, and its authentication state is what Core's write checks read. Past the session's lifetime the circuit
/// becomes anonymous, so every write is refused and the pages ask to sign in again.
/// </summary>
public sealed class ConsoleAuthenticationStateProvider(ILoggerFactory loggers, ConsoleSession session, AccessOptions access)
    : RevalidatingServerAuthenticationStateProvider(loggers)
{
    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(access.RevalidateMinutes);

    protected override Task<bool> ValidateAuthenticationStateAsync(AuthenticationState state, CancellationToken ct) =>
        Task.FromResult(session.IsCurrent(state.User));

    /// <summary>What the periodic check runs, for tests.</summary>
    internal Task<bool> ValidateAsync(AuthenticationState state) => ValidateAuthenticationStateAsync(state, CancellationToken.None);
}
