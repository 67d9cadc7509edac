namespace AdminConsole.Components.Shared;

/// <summary>Links built from a creator's slug, which is data: escaped, so that no slug can add a path, query or fragment.</summary>
public static class DataLinks
{
    public static string Creator(string slug) => $"/creators/{Uri.EscapeDataString(slug)}";

    public static string Analytics(string slug, string query = "") => $"/analytics/{Uri.EscapeDataString(slug)}{query}";
}
