namespace CreatorPlatform.Core.Aws.Cognito;

// Shapes named and spelled like AWSSDK.CognitoIdentityProvider's (v4: collections may be null).

public sealed record GroupType
{
    public string? GroupName { get; init; }
    public string? UserPoolId { get; init; }
    public string? Description { get; init; }
    public int? Precedence { get; init; }
    public string? RoleArn { get; init; }
    public DateTime? CreationDate { get; init; }
    public DateTime? LastModifiedDate { get; init; }
}

public sealed record CreateGroupRequest
{
    public required string UserPoolId { get; init; }
    public required string GroupName { get; init; }
    public string? Description { get; init; }
    public int? Precedence { get; init; }
    public string? RoleArn { get; init; }
}

public sealed record CreateGroupResponse(GroupType? Group);

public sealed record GetGroupRequest
{
    public required string UserPoolId { get; init; }
    public required string GroupName { get; init; }
}

public sealed record GetGroupResponse(GroupType? Group);

public sealed record ListGroupsRequest
{
    public required string UserPoolId { get; init; }
    public int? Limit { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListGroupsResponse(List<GroupType>? Groups, string? NextToken);

public sealed record ListUsersInGroupRequest
{
    public required string UserPoolId { get; init; }
    public required string GroupName { get; init; }
    public int? Limit { get; init; }
    public string? NextToken { get; init; }
}

public sealed record ListUsersInGroupResponse(List<UserType>? Users, string? NextToken);

public sealed record AdminAddUserToGroupRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public required string GroupName { get; init; }
}

public sealed record AdminAddUserToGroupResponse;

public sealed record AdminRemoveUserFromGroupRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public required string GroupName { get; init; }
}

public sealed record AdminRemoveUserFromGroupResponse;

public sealed record AdminListGroupsForUserRequest
{
    public required string UserPoolId { get; init; }
    public required string Username { get; init; }
    public int? Limit { get; init; }
    public string? NextToken { get; init; }
}

public sealed record AdminListGroupsForUserResponse(List<GroupType>? Groups, string? NextToken);
