using System.Text.Json;

namespace CreatorPlatform.Core.Access;

/// <summary>Where the claims came from: a real sign-in's decoded ID token, or worked out from the user's attributes and groups.</summary>
public enum ClaimsSource { SignIn, Predicted }

/// <summary>The ID token claims the platform's API reads (PLATFORM.md), as the Lambdas see them.</summary>
public sealed record TokenClaims(string? Sub, string? Username, IReadOnlyList<string> Groups, string? Email, string? CreatorId, ClaimsSource Source)
{
    /// <summary>As API Gateway's Cognito authorizer hands <c>cognito:groups</c> to a Lambda: the names joined with commas.</summary>
    public string GroupsClaim => string.Join(",", Groups);

    /// <summary>Decodes the payload of a JWT (no signature check: the console reads a token it just received from Cognito).</summary>
    public static TokenClaims FromIdToken(string idToken, string creatorIdClaim)
    {
        var parts = idToken.Split('.');
        if (parts.Length != 3) throw new FormatException("An ID token has three parts separated by dots.");
        using var payload = JsonDocument.Parse(Base64Url(parts[1]));
        var root = payload.RootElement;
        return new(Text(root, "sub"), Text(root, "cognito:username"), GroupsOf(root), Text(root, "email"), Text(root, creatorIdClaim), ClaimsSource.SignIn);
    }

    private static IReadOnlyList<string> GroupsOf(JsonElement root)
    {
        if (!root.TryGetProperty("cognito:groups", out var groups)) return [];
        return groups.ValueKind switch
        {
            JsonValueKind.Array => groups.EnumerateArray().Select(g => g.GetString() ?? "").Where(g => g.Length > 0).ToList(),
            JsonValueKind.String => (groups.GetString() ?? "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
            _ => [],
        };
    }

    private static string? Text(JsonElement root, string name) =>
        root.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static byte[] Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        padded += new string('=', (4 - padded.Length % 4) % 4);
        return Convert.FromBase64String(padded);
    }
}
