namespace CreatorPlatform.Core.Aws.Cognito;

// The pool schema and user attributes that decide a creator's access; shaped like the SDK's types of the same names.

public sealed record StringAttributeConstraintsType(string? MinLength = null, string? MaxLength = null);

public sealed record SchemaAttributeType
{
    /// <summary>In AddCustomAttributes, the name without <c>custom:</c>; in DescribeUserPool, the full name.</summary>
    public string? Name { get; init; }
    public string? AttributeDataType { get; init; }
    public bool? Mutable { get; init; }
    public bool? Required { get; init; }
    public bool? DeveloperOnlyAttribute { get; init; }
    public StringAttributeConstraintsType? StringAttributeConstraints { get; init; }
}

public sealed record DescribeUserPoolRequest
{
    public required string UserPoolId { get; init; }
}

public sealed record DescribedUserPoolType
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public List<SchemaAttributeType>? SchemaAttributes { get; init; }
}

public sealed record DescribeUserPoolResponse(DescribedUserPoolType? UserPool);

public sealed record AddCustomAttributesRequest
{
    public required string UserPoolId { get; init; }
    public required List<SchemaAttributeType> CustomAttributes { get; init; }
}

public sealed record AddCustomAttributesResponse;

public sealed record AdminUpdateUserAttributesRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public required List<AttributeType> UserAttributes { get; init; }
}

public sealed record AdminUpdateUserAttributesResponse;

// Sandbox only: a known password and an app client, so that the console can sign in as a sandbox user and read the
// real ID token the platform's API would receive.

public sealed record AdminSetUserPasswordRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public required string Password { get; init; }
    public bool Permanent { get; init; }
}

public sealed record AdminSetUserPasswordResponse;

public sealed record CreateUserPoolClientRequest
{
    public required string UserPoolId { get; init; }
    public required string ClientName { get; init; }
    public List<string>? ExplicitAuthFlows { get; init; }
    public bool GenerateSecret { get; init; }
}

public sealed record UserPoolClientType
{
    public string? ClientId { get; init; }
    public string? ClientName { get; init; }
    public string? UserPoolId { get; init; }
}

public sealed record CreateUserPoolClientResponse(UserPoolClientType? UserPoolClient);

public sealed record ListUserPoolClientsRequest
{
    public required string UserPoolId { get; init; }
    public int MaxResults { get; init; } = 60;
    public string? NextToken { get; init; }
}

public sealed record ListUserPoolClientsResponse(List<UserPoolClientType>? UserPoolClients, string? NextToken);

public sealed record InitiateAuthRequest
{
    public required string AuthFlow { get; init; }
    public required string ClientId { get; init; }
    public required Dictionary<string, string> AuthParameters { get; init; }
}

public sealed record AuthenticationResultType
{
    public string? IdToken { get; init; }
    public string? AccessToken { get; init; }
    public int? ExpiresIn { get; init; }
}

public sealed record InitiateAuthResponse
{
    public AuthenticationResultType? AuthenticationResult { get; init; }
    public string? ChallengeName { get; init; }
}
