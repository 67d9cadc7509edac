using System.Net;

namespace AdminConsole.Security;

/// <summary>What counts as this machine: the host names and addresses the sandbox's automatic admin is limited to.</summary>
public static class Loopback
{
    /// <summary>The Host header values (without port) the sandbox answers; anything else may be a DNS-rebinding page.</summary>
    public static readonly string[] HostNames = ["localhost", "127.0.0.1", "[::1]"];

    public static bool IsHostName(string host) =>
        HostNames.Contains(host, StringComparer.OrdinalIgnoreCase) || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip));

    public static bool IsAddress(IPAddress? address) => address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    /// <summary>
    /// True for a listen URL bound to loopback only. The host is read from the text itself: <see cref="Uri"/> turns the
    /// name "loopback" into "localhost", and Kestrel binds every interface for it. Kestrel binds "localhost" to 127.0.0.1
    /// and [::1] only; "*", "+", "0.0.0.0", "[::]" and any other name bind every interface.
    /// </summary>
    public static bool IsListenUrl(string url)
    {
        var host = ListenHost(url);
        return host is not null && (host.Equals("localhost", StringComparison.OrdinalIgnoreCase)
            || (IPAddress.TryParse(host.Trim('[', ']'), out var ip) && IPAddress.IsLoopback(ip)));
    }

    public static bool IsMappedIPv4(string url) =>
        ListenHost(url) is { } host && IPAddress.TryParse(host.Trim('[', ']'), out var ip) && ip.IsIPv4MappedToIPv6;

    private static string? ListenHost(string url)
    {
        var scheme = url.IndexOf("://", StringComparison.Ordinal);
        if (scheme < 0) return null;
        var authority = url[(scheme + 3)..].Split('/', 2)[0];
        return authority.StartsWith('[') ? authority[..(authority.IndexOf(']') + 1)]
            : authority.LastIndexOf(':') is var colon and >= 0 ? authority[..colon] : authority;
    }
}
