namespace AdminConsole.Security;

/// <summary>
/// ASP.NET Core's <c>Url.IsLocalUrl</c> rule, for the sign-in's return address: a path of this site ("/x" or "~/x"), never
/// "//host" or "/\host", and no control character anywhere (browsers drop a tab or a newline, so "/%09/evil.example" is
/// "//evil.example" to them).
/// </summary>
public static class LocalUrl
{
    public static bool IsLocal(string? url)
    {
        if (string.IsNullOrEmpty(url)) return false;
        if (url[0] == '/') return url.Length == 1 || (url[1] != '/' && url[1] != '\\' && !HasControlCharacter(url.AsSpan(1)));
        if (url[0] == '~' && url.Length > 1 && url[1] == '/')
            return url.Length == 2 || (url[2] != '/' && url[2] != '\\' && !HasControlCharacter(url.AsSpan(2)));
        return false;
    }

    /// <summary>The address itself when local, otherwise the home page.</summary>
    public static string OrHome(string? url) => !IsLocal(url) ? "/" : url![0] == '~' ? url[1..] : url;

    private static bool HasControlCharacter(ReadOnlySpan<char> value)
    {
        foreach (var c in value)
            if (char.IsControl(c)) return true;
        return false;
    }
}
