namespace AdminConsole.Security;

/// <summary>
/// Headers for every response. The CSP fits Blazor Server and MudBlazor: scripts and the circuit's WebSocket from this
/// origin only; MudBlazor sets inline style attributes, so styles allow 'unsafe-inline' (scripts do not).
/// </summary>
public sealed class SecurityHeaders(RequestDelegate next)
{
    public const string ContentSecurityPolicy =
        "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: https:; font-src 'self' data:; " +
        "connect-src 'self'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

    public Task InvokeAsync(HttpContext context)
    {
        // A WebSocket is not bound by CORS: refuse the circuit's hub to pages of another origin (cross-site WebSocket hijacking).
        if (context.Request.Path.StartsWithSegments("/_blazor") && context.Request.Headers.Origin is [{ } origin]
            && !string.Equals(origin, $"{context.Request.Scheme}://{context.Request.Host}", StringComparison.OrdinalIgnoreCase))
        {
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return Task.CompletedTask;
        }
        var headers = context.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        headers["Permissions-Policy"] = "camera=(), microphone=(), geolocation=()";
        headers["Cross-Origin-Opener-Policy"] = "same-origin";
        return next(context);
    }
}
