using System.Net;
using CreatorPlatform.Core;

namespace AdminConsole.Security;

/// <summary>The rules that decide whether the web app may start with the settings it was given.</summary>
public static class StartupGuard
{
    /// <summary>Null when the app may start; otherwise the message that says why not and what to do.</summary>
    public static string? Check(IConfiguration configuration)
    {
        var mode = configuration.GetValue<PlatformMode>($"{PlatformOptions.Section}:Mode");
        if (mode == PlatformMode.Aws)
        {
            var azureAd = configuration.GetSection(SignIn.AzureAdSection);
            var missing = new[] { "ClientId", "TenantId", "Instance" }.Where(k => string.IsNullOrWhiteSpace(azureAd[k])).ToList();
            return missing.Count == 0 ? null
                : $"Mode=Aws: the web console signs admins in with Microsoft Entra ID, and the '{SignIn.AzureAdSection}' section lacks {string.Join(", ", missing)}. "
                  + "Set AzureAd__Instance (https://login.microsoftonline.com/), AzureAd__TenantId, AzureAd__ClientId and AzureAd__ClientSecret (README: Running in production), "
                  + "or use the CLI verbs, which act with your own AWS credentials, e.g. `dotnet run --project src/AdminConsole -- status`.";
        }

        var urls = (configuration["urls"] ?? DependencyInjection.DefaultSandboxUrl).Split(';', StringSplitOptions.RemoveEmptyEntries);
        var exposed = urls.Where(u => !IsLoopback(u)).ToList();
        return exposed.Count == 0 ? null
            : $"The sandbox signs everyone in as a local admin, so it listens on loopback only; refusing {string.Join(", ", exposed)}. "
              + "Use a 127.0.0.1 or localhost address (e.g. --urls http://127.0.0.1:5080).";
    }

    private static bool IsLoopback(string url)
    {
        var host = url.Replace("://+", "://wildcard").Replace("://*", "://wildcard");
        if (!Uri.TryCreate(host, UriKind.Absolute, out var uri)) return false;
        return uri.IsLoopback || (IPAddress.TryParse(uri.Host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));
    }
}
