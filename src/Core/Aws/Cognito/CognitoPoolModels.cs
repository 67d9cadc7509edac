namespace CreatorPlatform.Core.Aws.Cognito;

// User pool operations exist for the sandbox only: the console never creates or deletes pools in an AWS account.

public sealed record CreateUserPoolRequest
{
    public required string PoolName { get; init; }
    public List<string>? UsernameAttributes { get; init; }
    public List<string>? AliasAttributes { get; init; }
    public List<string>? AutoVerifiedAttributes { get; init; }
}

public sealed record UserPoolType
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public string? Arn { get; init; }
    public List<string>? UsernameAttributes { get; init; }
    public List<string>? AliasAttributes { get; init; }
    public DateTime? CreationDate { get; init; }
}

public sealed record CreateUserPoolResponse(UserPoolType? UserPool);

public sealed record ListUserPoolsRequest
{
    public int MaxResults { get; init; } = 60;
    public string? NextToken { get; init; }
}

public sealed record UserPoolDescriptionType
{
    public string? Id { get; init; }
    public string? Name { get; init; }
    public DateTime? CreationDate { get; init; }
    public DateTime? LastModifiedDate { get; init; }
}

public sealed record ListUserPoolsResponse(List<UserPoolDescriptionType>? UserPools, string? NextToken);

public sealed record DeleteUserPoolRequest
{
    public required string UserPoolId { get; init; }
}

public sealed record DeleteUserPoolResponse;
