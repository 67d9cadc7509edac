using System.Security.Claims;
using AdminConsole.Security;
using AdminConsole.Tests.Web;
using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace AdminConsole.Tests.Security;

/// <summary>A sign-in ends after its absolute lifetime, in the cookie and in an open circuit alike.</summary>
public sealed class SessionTests(ConsoleFactory factory) : IClassFixture<ConsoleFactory>
{
    private static readonly DateTimeOffset SignedIn = new(2026, 12, 1, 8, 0, 0, TimeSpan.Zero);

    private static ClaimsPrincipal Principal(DateTimeOffset signedIn) => new(new ClaimsIdentity(
    [
        new Claim("name", "Ada Admin"), new Claim("roles", "Platform.Admin"),
        new Claim(ConsoleSession.SignedInAtClaim, signedIn.ToUnixTimeSeconds().ToString()),
    ], "Cookies"));

    [Theory]
    [InlineData(11.9, true)]
    [InlineData(12.1, false)]
    public async Task An_open_circuit_is_signed_out_once_the_sign_in_is_older_than_its_lifetime(double hours, bool current)
    {
        var time = new FakeTimeProvider(SignedIn.AddHours(hours));
        var access = new AccessOptions { AbsoluteSessionHours = 12 };
        var provider = new ConsoleAuthenticationStateProvider(NullLoggerFactory.Instance, new ConsoleSession(access, time), access);

        var valid = await provider.ValidateAsync(new AuthenticationState(Principal(SignedIn)));

        Assert.Equal(current, valid);
    }

    [Fact]
    public void The_circuits_authentication_state_is_revalidated()
    {
        using var scope = factory.Services.CreateScope();

        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();

        Assert.IsType<ConsoleAuthenticationStateProvider>(provider);
    }

    [Fact]
    public async Task The_cookie_is_refused_after_the_absolute_lifetime_even_when_it_was_renewed_a_minute_ago()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var http = new DefaultHttpContext { RequestServices = factory.Services.CreateScope().ServiceProvider };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        var old = DateTimeOffset.UtcNow.AddHours(-13);
        var renewed = new AuthenticationProperties { IssuedUtc = DateTimeOffset.UtcNow.AddMinutes(-1) };
        var context = new CookieValidatePrincipalContext(http, scheme, options, new AuthenticationTicket(Principal(old), renewed, scheme.Name));

        await options.Events.ValidatePrincipal(context);

        Assert.Null(context.Principal);
    }

    [Fact]
    public async Task Signing_in_stamps_the_time_of_sign_in_once()
    {
        var options = factory.Services.GetRequiredService<IOptionsMonitor<CookieAuthenticationOptions>>().Get(CookieAuthenticationDefaults.AuthenticationScheme);
        var http = new DefaultHttpContext { RequestServices = factory.Services };
        var scheme = new AuthenticationScheme(CookieAuthenticationDefaults.AuthenticationScheme, null, typeof(CookieAuthenticationHandler));
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Ada Admin")], "oidc"));

        await options.Events.SigningIn(new CookieSigningInContext(http, scheme, options, principal, new AuthenticationProperties(), new CookieOptions()));

        var stamped = ConsoleSession.SignedInAt(principal);
        Assert.NotNull(stamped);
        Assert.InRange(stamped.Value, DateTimeOffset.UtcNow.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
    }

    [Fact]
    public void The_antiforgery_cookie_is_secure_over_https()
    {
        var http = new DefaultHttpContext { RequestServices = factory.Services.CreateScope().ServiceProvider };
        http.Request.Scheme = "https";
        http.Request.Host = new HostString("console.test");

        factory.Services.GetRequiredService<IAntiforgery>().GetAndStoreTokens(http);

        var cookie = http.Response.Headers.SetCookie.ToString();
        Assert.Contains(".AspNetCore.Antiforgery", cookie);
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }
}
