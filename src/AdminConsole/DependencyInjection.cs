using AdminConsole.Health;
using AdminConsole.Security;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Sandbox;
using Microsoft.AspNetCore.HostFiltering;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using MudBlazor.Services;

namespace AdminConsole;

public static class DependencyInjection
{
    /// <summary>The largest message a circuit accepts from its browser: the persisted prerender state of a page of 50 creators, with room.</summary>
    public const long CircuitStartMessageBytes = 512 * 1024;

    public const string DefaultSandboxUrl = "http://127.0.0.1:5080";

    public static WebApplicationBuilder AddAdminConsole(this WebApplicationBuilder builder)
    {
        // An unknown mode is refused at start (StartupGuardService); until then it gets no automatic admin.
        var mode = PlatformModes.Read(builder.Configuration) ?? PlatformMode.Aws;
        builder.Services.AddHostedService<StartupGuardService>();
        builder.Services.AddHostedService<Analytics.AnalyticsScheduleService>();
        builder.Services.AddHostedService<Walk.WalkScheduleService>();
        // The built (unpublished) executable serves MudBlazor's assets from the NuGet cache in any environment, as
        // `dotnet run` does in Development; a published app has them in wwwroot and no manifest, so this is a no-op there.
        builder.WebHost.UseStaticWebAssets();
        // A circuit starts with the state its prerender persisted (the creators list hands over its first page, 50 rows),
        // sent in one hub message: over SignalR's 32 KB default the circuit never started and the page stayed inert.
        builder.Services.AddRazorComponents().AddInteractiveServerComponents()
            .AddHubOptions(o => o.MaximumReceiveMessageSize = CircuitStartMessageBytes);
        // Toasts at the top: at the bottom right they covered the forms' main buttons (Onboard, Resume).
        builder.Services.AddMudServices(c => c.SnackbarConfiguration.PositionClass = MudBlazor.Defaults.Classes.Position.TopCenter);
        builder.Services.AddCascadingAuthenticationState();
        builder.Services.AddConsoleHealthChecks();
        builder.Services.AddConsoleDataProtection();
        builder.AddConsoleSignIn(mode);
        builder.AddConsoleTelemetry();
        WebLogFormatter.Use(builder);
        // A request without a Host (empty, or HTTP/1.0 without the header) gets 400 here, not a 500 from the page's base URI.
        builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowEmptyHosts = false);
        // Nothing here takes uploads: requests stay small (the circuit's messages have SignalR's own 32 KB limit).
        builder.Services.Configure<KestrelServerOptions>(o =>
        {
            o.Limits.MaxRequestBodySize = 1024 * 1024;
            o.Limits.MaxRequestHeadersTotalSize = 64 * 1024;
        });
        if (!builder.Environment.IsDevelopment()) builder.Services.AddHsts(o => o.MaxAge = TimeSpan.FromDays(365));

        if (mode == PlatformMode.Sandbox)
        {
            builder.Services.AddHostedService<SandboxHostedService>();
            if (string.IsNullOrEmpty(builder.Configuration["urls"])) builder.WebHost.UseUrls(DefaultSandboxUrl);
            // Whatever AllowedHosts says: a page of another site whose name resolves to 127.0.0.1 (DNS rebinding) gets a 400.
            builder.Services.PostConfigure<HostFilteringOptions>(o => o.AllowedHosts = [.. Loopback.HostNames]);
        }
        // After the sandbox's start (hosted services start in order): the entries an earlier process kept are written.
        builder.Services.AddHostedService<Audit.AuditSpoolService>();
        return builder;
    }

    /// <summary>Runs the web app; <see cref="StartupGuardService"/> refuses settings that would expose it by mistake.</summary>
    public static async Task<int> RunAdminConsoleAsync(this WebApplication app)
    {
        // Checked here as well, before the options are bound: a mode such as "Production" would otherwise end in a binder error.
        if (StartupGuard.Check(app.Configuration) is { } refusal)
        {
            Console.Error.WriteLine(refusal);
            return 2;
        }
        try
        {
            await app.RunAsync();
            return 0;
        }
        catch (StartupRefusedException e)
        {
            Console.Error.WriteLine(e.Message);
            return 2;
        }
        catch (Exception e) when (e is SandboxException or Microsoft.Extensions.Options.OptionsValidationException or CreatorPlatform.Core.Aws.AwsSetupException)
        {
            Console.Error.WriteLine($"The console could not start: {e.Message}");
            return 2;
        }
    }
}
