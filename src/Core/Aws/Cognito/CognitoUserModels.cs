namespace CreatorPlatform.Core.Aws.Cognito;

public sealed record AttributeType(string Name, string? Value);

public sealed record UserType
{
    public string? Username { get; init; }
    public List<AttributeType>? Attributes { get; init; }
    public DateTime? UserCreateDate { get; init; }
    public DateTime? UserLastModifiedDate { get; init; }
    public bool? Enabled { get; init; }
    public string? UserStatus { get; init; }

    /// <summary>The user's stable id: the JWT <c>sub</c> claim (not the Username).</summary>
    public string? Sub => Attribute("sub");
    public string? Email => Attribute("email");
    public string? Attribute(string name) => Attributes?.FirstOrDefault(a => a.Name == name)?.Value;
}

public sealed record AdminGetUserRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
}

public sealed record AdminGetUserResponse
{
    public string? Username { get; init; }
    public List<AttributeType>? UserAttributes { get; init; }
    public DateTime? UserCreateDate { get; init; }
    public DateTime? UserLastModifiedDate { get; init; }
    public bool? Enabled { get; init; }
    public string? UserStatus { get; init; }

    public string? Sub => Attribute("sub");
    public string? Email => Attribute("email");
    public string? Attribute(string name) => UserAttributes?.FirstOrDefault(a => a.Name == name)?.Value;
}

public sealed record ListUsersRequest
{
    public required string UserPoolId { get; init; }
    /// <summary>Cognito's filter syntax, e.g. <c>email = "jess@example.com"</c>; see <see cref="CognitoFilters"/>.</summary>
    public string? Filter { get; init; }
    public List<string>? AttributesToGet { get; init; }
    public int? Limit { get; init; }
    public string? PaginationToken { get; init; }
}

public sealed record ListUsersResponse(List<UserType>? Users, string? PaginationToken);

public sealed record AdminCreateUserRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public List<AttributeType>? UserAttributes { get; init; }
    public string? TemporaryPassword { get; init; }
    /// <summary><c>SUPPRESS</c> creates the user without sending the invitation message.</summary>
    public string? MessageAction { get; init; }
    public List<string>? DesiredDeliveryMediums { get; init; }
}

public sealed record AdminCreateUserResponse(UserType? User);

public sealed record AdminDeleteUserRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
}

public sealed record AdminDeleteUserResponse;

public static class CognitoFilters
{
    /// <summary>An exact-match filter; quotes and backslashes in the value are escaped.</summary>
    public static string AttributeEquals(string attribute, string value) => $"{attribute} = \"{Escape(value)}\"";

    /// <summary>A starts-with filter (Cognito's <c>^=</c>, which it allows on username, email and a few others, not on sub).</summary>
    public static string AttributeStartsWith(string attribute, string value) => $"{attribute} ^= \"{Escape(value)}\"";

    private static string Escape(string value) => value.Replace("\\", "\\\\").Replace("\"", "\\\"");
}
