using System.Security.Claims;
using CreatorPlatform.Core.Security;

namespace AdminConsole.Security;

/// <summary>The <c>Access</c> section: the Entra app roles that make an admin or a viewer of this console.</summary>
public sealed class AccessOptions
{
    public const string Section = "Access";
    public string AdminRole { get; set; } = "Platform.Admin";
    public string ViewerRole { get; set; } = "Platform.Viewer";
    /// <summary>A sign-in ends this long after it was made, however active the admin is.</summary>
    public double AbsoluteSessionHours { get; set; } = 12;
    /// <summary>How often an open circuit re-checks its sign-in.</summary>
    public double RevalidateMinutes { get; set; } = 5;
}

public static class Policies
{
    public const string Viewer = "Console.Viewer";
    public const string Admin = "Console.Admin";
}

/// <summary>Turns a signed-in principal into Core's <see cref="Actor"/>: name, Entra object id and console role.</summary>
public sealed class ConsoleRoles(AccessOptions access)
{
    private static readonly string[] RoleClaims = [ClaimTypes.Role, "roles", "role"];
    private static readonly string[] IdClaims = ["http://schemas.microsoft.com/identity/claims/objectidentifier", "oid", ClaimTypes.NameIdentifier, "sub"];
    private static readonly string[] NameClaims = ["name", ClaimTypes.Name, "preferred_username", ClaimTypes.Email];

    public AdminRole RoleOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return AdminRole.None;
        var roles = user.Claims.Where(c => RoleClaims.Contains(c.Type)).Select(c => c.Value).ToHashSet(StringComparer.Ordinal);
        return roles.Contains(access.AdminRole) ? AdminRole.Admin : roles.Contains(access.ViewerRole) ? AdminRole.Viewer : AdminRole.None;
    }

    public Actor ActorOf(ClaimsPrincipal user)
    {
        if (user.Identity?.IsAuthenticated != true) return Actor.Anonymous;
        string? First(string[] types) => types.Select(t => user.FindFirst(t)?.Value).FirstOrDefault(v => !string.IsNullOrEmpty(v));
        return new(First(NameClaims) ?? "unknown", First(IdClaims) ?? "unknown", RoleOf(user), user.Identity.AuthenticationType ?? "");
    }
}
