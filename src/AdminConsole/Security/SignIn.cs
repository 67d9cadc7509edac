using CreatorPlatform.Core;
using CreatorPlatform.Core.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.Identity.Web;

namespace AdminConsole.Security;

/// <summary>Who may use the console: Entra ID sign-in in Mode=Aws, the local admin in the sandbox, and the two role policies.</summary>
public static class SignIn
{
    public const string AzureAdSection = "AzureAd";

    public static void AddConsoleSignIn(this WebApplicationBuilder builder, PlatformMode mode)
    {
        var access = builder.Configuration.GetSection(AccessOptions.Section).Get<AccessOptions>() ?? new AccessOptions();
        var roles = new ConsoleRoles(access);
        builder.Services.AddSingleton(access);
        builder.Services.AddSingleton(roles);
        builder.Services.AddScoped<CircuitHandler, CircuitActorHandler>();
        builder.Services.AddSingleton<ConsoleSession>();
        builder.Services.AddScoped<AuthenticationStateProvider, ConsoleAuthenticationStateProvider>();
        // Over https (directly, or behind a proxy that forwards the scheme) the antiforgery cookie is Secure too.
        builder.Services.AddAntiforgery(o => o.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest);

        if (mode != PlatformMode.Sandbox) AddEntra(builder);
        else
            builder.Services.AddAuthentication(LocalAdminAuthentication.SchemeName)
                .AddScheme<AuthenticationSchemeOptions, LocalAdminAuthentication>(LocalAdminAuthentication.SchemeName, null);

        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(Policies.Viewer, p => p.RequireAuthenticatedUser().RequireAssertion(c => roles.RoleOf(c.User) >= AdminRole.Viewer))
            .AddPolicy(Policies.Admin, p => p.RequireAuthenticatedUser().RequireAssertion(c => roles.RoleOf(c.User) == AdminRole.Admin));
    }

    private static void AddEntra(WebApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(AzureAdSection);
        builder.Services.AddAuthentication(OpenIdConnectDefaults.AuthenticationScheme).AddMicrosoftIdentityWebApp(section);
        builder.Services.Configure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
        {
            // Only a test's local OpenID provider turns this off; Entra ID always serves its metadata over HTTPS.
            o.RequireHttpsMetadata = section.GetValue("RequireHttpsMetadata", true);
            o.SaveTokens = false;
        });
        builder.Services.AddOptions<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme).Configure<ConsoleSession>((o, session) =>
        {
            o.Cookie.Name = "__Host-console";
            o.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            o.Cookie.SameSite = SameSiteMode.Lax;
            o.SlidingExpiration = true;
            o.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Signed in without a console role: answer 403 where they are; the page explains (Forbidden.razor).
            o.Events.OnRedirectToAccessDenied = c => { c.Response.StatusCode = StatusCodes.Status403Forbidden; return Task.CompletedTask; };
            session.Apply(o.Events);
        });
    }

    public static void MapSignInEndpoints(this WebApplication app, PlatformMode mode)
    {
        if (mode != PlatformMode.Aws) return;
        app.MapGet("/signin", (string? returnUrl) => Results.Challenge(new AuthenticationProperties { RedirectUri = LocalUrl.OrHome(returnUrl) },
            [OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
        app.MapGet("/signout", () => Results.SignOut(new AuthenticationProperties { RedirectUri = "/" },
            [CookieAuthenticationDefaults.AuthenticationScheme, OpenIdConnectDefaults.AuthenticationScheme])).AllowAnonymous();
    }
}
