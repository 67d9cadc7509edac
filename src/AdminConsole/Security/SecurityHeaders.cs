using CreatorPlatform.Core;
using Microsoft.Extensions.Options;

namespace AdminConsole.Security;

/// <summary>
/// Headers for every response. The CSP fits Blazor Server and MudBlazor: scripts and the circuit's WebSocket from this
/// origin only; MudBlazor sets inline style attributes, so styles allow 'unsafe-inline' (scripts do not). Images come
/// only from this origin and the platform's image hosts (<c>Platform:ImageHosts</c>): any other host could track the admin.
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next, IOptions<PlatformOptions> platform, IConfiguration configuration)
{
    private readonly string contentSecurityPolicy = Policy(platform.Value.ImageHosts);
    private readonly CircuitOrigins origins = new(PlatformModes.Read(configuration) == PlatformMode.Sandbox, configuration["AllowedHosts"]);

    public static string Policy(IEnumerable<string> imageHosts) =>
        $"default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:{string.Concat(imageHosts.Select(h => $" https://{h}"))}; "
        + "font-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // A WebSocket is not bound by CORS: refuse the circuit's hub to pages of another origin (cross-site WebSocket hijacking).
        if (context.Request.Path.StartsWithSegments("/_blazor") && context.Request.Headers.Origin is [{ } origin] && !origins.Allows(origin, context.Request))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = contentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}

/// <summary>
/// Which pages may open a circuit. The request's own Host proves nothing (a DNS-rebinding page sends its own name), so
/// the sandbox admits loopback names only, on the console's own scheme and port, and Mode=Aws the names in <c>AllowedHosts</c>; only when that is "*" does it
/// fall back to the Host, which the reverse proxy then has to vouch for.
/// </summary>
public sealed class CircuitOrigins(bool sandbox, string? allowedHosts)
{
    private readonly string[] hosts = (allowedHosts ?? "*").Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    public bool Allows(string origin, HttpRequest request)
    {
        if (!Uri.TryCreate(origin, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https")) return false;
        var host = uri.HostNameType == UriHostNameType.IPv6 ? $"[{uri.IdnHost.Trim('[', ']')}]" : uri.IdnHost;
        // Another program on this machine (another port, or https beside http) is another origin: only the console's own pages.
        if (sandbox) return Loopback.IsHostName(host) && uri.Scheme == request.Scheme
            && uri.Port == (request.Host.Port ?? (request.IsHttps ? 443 : 80));
        if (hosts.Contains("*")) return string.Equals(origin, $"{request.Scheme}://{request.Host}", StringComparison.OrdinalIgnoreCase);
        return hosts.Any(h => h.StartsWith("*.", StringComparison.Ordinal)
            ? host.EndsWith(h[1..], StringComparison.OrdinalIgnoreCase)
            : string.Equals(h, host, StringComparison.OrdinalIgnoreCase));
    }
}
