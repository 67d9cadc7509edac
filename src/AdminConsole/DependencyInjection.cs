using AdminConsole.Components;
using AdminConsole.Security;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Sandbox;
using MudBlazor.Services;

namespace AdminConsole;

public static class DependencyInjection
{
    public const string DefaultSandboxUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        var mode = builder.Configuration.GetValue<PlatformMode>($"{PlatformOptions.Section}:Mode");
        // The built (unpublished) executable serves MudBlazor's assets from the NuGet cache in any environment, as
        // `dotnet run` does in Development; a published app has them in wwwroot and no manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        builder.Services.AddRazorComponents().AddInteractiveServerComponents();
        builder.Services.AddMudServices();
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddHealthChecks();

        if (mode == PlatformMode.Sandbox)
        {
            builder.Services.AddHostedService<SandboxHostedService>();
            builder.Services.AddAuthentication(LocalAdminAuthentication.SchemeName)
                .AddScheme<Microsoft.AspNetCore.Authentication.AuthenticationSchemeOptions, LocalAdminAuthentication>(LocalAdminAuthentication.SchemeName, null);
            if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultSandboxUrl);
        }
        builder.Services.AddAuthorization();
        return builder;
    }

    public static WebApplication UseAdminConsole(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            app.UseExceptionHandler("/Error", createScopeForErrors: true);
        }
        app.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true);
        app.UseAuthentication();
        app.UseAuthorization();
        app.UseAntiforgery();
        app.MapHealthChecks("/health/live");
        app.MapStaticAssets();
        app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
        return app;
    }

    /// <summary>Runs the web app after the start-up rules that keep it from being exposed by mistake.</summary>
    public static async Task<int> RunAdminConsoleAsync(this WebApplication app)
    {
        var refusal = StartupGuard.Check(app.Configuration);
        if (refusal is not null)
        {
            Console.Error.WriteLine(refusal);
            return 2;
        }
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (Exception e) when (e is SandboxException or Microsoft.Extensions.Options.OptionsValidationException or CreatorPlatform.Core.Aws.AwsSetupException)
        {
            Console.Error.WriteLine($"The console could not start: {e.Message}");
            return 2;
        }
    }
}
