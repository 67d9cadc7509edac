using CreatorPlatform.Core;

namespace AdminConsole.Security;

/// <summary>The rules that decide whether the web app may start with the settings it was given.</summary>
public static class StartupGuard
{
    private static readonly string[] RequiredAzureAd = ["ClientId", "TenantId", "Instance"];

    public const string LoopbackOnly = "The sandbox signs everyone in as a local admin, so it listens on loopback only";

    /// <summary>Null when the app may start; otherwise the message that says why not and what to do.</summary>
    public static string? Check(IConfiguration configuration)
    {
        var raw = configuration[$"{PlatformOptions.Section}:Mode"];
        var mode = PlatformModes.Parse(raw);
        if (mode is null) return PlatformModes.Unknown(raw);
        var urls = (configuration["urls"] ?? DependencyInjection.DefaultSandboxUrl).Split(';', StringSplitOptions.RemoveEmptyEntries);
        // IPAddress counts ::ffff:127.0.0.1 as loopback, but Kestrel cannot bind it: say so before it fails with a socket error.
        if (urls.FirstOrDefault(Loopback.IsMappedIPv4) is { } mapped)
            return $"{mapped} is an IPv4 address written as IPv6, which the console cannot listen on. Use --urls http://127.0.0.1:<port> (or http://[::1]:<port>).";
        if (mode == PlatformMode.Aws)
        {
            var azureAd = configuration.GetSection(SignIn.AzureAdSection);
            var missing = RequiredAzureAd.Where(k => string.IsNullOrWhiteSpace(azureAd[k])).ToList();
            if (missing.Count > 0)
                return $"Mode=Aws: the web console signs admins in with Microsoft Entra ID, and the '{SignIn.AzureAdSection}' section lacks {string.Join(", ", missing)}. "
                  + "Set AzureAd__Instance (https://login.microsoftonline.com/), AzureAd__TenantId, AzureAd__ClientId and AzureAd__ClientSecret (README: Running in production), "
                  + "or use the CLI verbs, which act with your own AWS credentials, e.g. `dotnet run --project src/AdminConsole -- status`.";
            return UnencryptedKeys(configuration);
        }

        var endpoints = configuration.GetSection("Kestrel:Endpoints").GetChildren().Select(e => e["Url"]).OfType<string>();
        return Exposed(urls.Concat(endpoints));
    }

    public const string AllowUnencryptedKeys = $"{PlatformOptions.Section}:DataProtection:AllowUnencryptedKeys";

    /// <summary>
    /// The keys that sign admins' cookies live in the ops table: unencrypted, anyone who can read that table can forge an
    /// admin's session. So Mode=Aws wants a KMS key, or an explicit choice to go without.
    /// </summary>
    private static string? UnencryptedKeys(IConfiguration configuration)
    {
        if (!string.IsNullOrWhiteSpace(configuration[$"{PlatformOptions.Section}:{nameof(PlatformOptions.DataProtectionKmsKeyId)}"])) return null;
        if (bool.TryParse(configuration[AllowUnencryptedKeys], out var allowed) && allowed) return null;
        return "Mode=Aws: the keys that sign admins' sign-in cookies are kept in the console's table, and without a KMS key anyone who can read "
            + "that table could forge an admin's session. Set Platform__DataProtectionKmsKeyId to a KMS key (id, ARN or alias; the role needs "
            + "kms:Encrypt and kms:Decrypt on it), or, knowingly, Platform__DataProtection__AllowUnencryptedKeys=true.";
    }

    /// <summary>After Kestrel started: the addresses it actually bound, whatever configured them.</summary>
    public static string? CheckBound(IEnumerable<string> addresses) => Exposed(addresses);

    private static string? Exposed(IEnumerable<string> urls)
    {
        var exposed = urls.Where(u => !Loopback.IsListenUrl(u)).ToList();
        return exposed.Count == 0 ? null
            : $"{LoopbackOnly}; refusing {string.Join(", ", exposed)}. Use a 127.0.0.1 or localhost address (e.g. --urls http://127.0.0.1:5080).";
    }
}

/// <summary>The web app must not run with these settings; the message says why and what to do.</summary>
public sealed class StartupRefusedException(string message) : Exception(message);
