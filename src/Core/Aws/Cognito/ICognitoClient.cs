namespace CreatorPlatform.Core.Aws.Cognito;

/// <summary>The Cognito operations the console uses, shaped like the SDK's IAmazonCognitoIdentityProvider.</summary>
public interface ICognitoClient
{
    Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken ct = default);
    Task<GetGroupResponse> GetGroupAsync(GetGroupRequest request, CancellationToken ct = default);
    Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken ct = default);
    Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken ct = default);
    Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken ct = default);
    Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken ct = default);
    Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken ct = default);
    Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken ct = default);
    Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken ct = default);
    Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken ct = default);
    /// <summary>Only for a user the console itself created for an onboarding that is abandoned.</summary>
    Task<AdminDeleteUserResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken ct = default);

    Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken ct = default);
    /// <summary>Adds attributes to the pool's schema: Cognito can never remove them again.</summary>
    Task<AddCustomAttributesResponse> AddCustomAttributesAsync(AddCustomAttributesRequest request, CancellationToken ct = default);
    Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken ct = default);

    /// <summary>Sandbox only.</summary>
    Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken ct = default);
    /// <summary>Sandbox only.</summary>
    Task<CreateUserPoolClientResponse> CreateUserPoolClientAsync(CreateUserPoolClientRequest request, CancellationToken ct = default);
    /// <summary>Sandbox only.</summary>
    Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken ct = default);
    /// <summary>Sandbox only: the console signs in as a sandbox user to read a real ID token.</summary>
    Task<InitiateAuthResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken ct = default);

    /// <summary>Sandbox only.</summary>
    Task<CreateUserPoolResponse> CreateUserPoolAsync(CreateUserPoolRequest request, CancellationToken ct = default);
    /// <summary>Sandbox only.</summary>
    Task<ListUserPoolsResponse> ListUserPoolsAsync(ListUserPoolsRequest request, CancellationToken ct = default);
    /// <summary>Sandbox only.</summary>
    Task<DeleteUserPoolResponse> DeleteUserPoolAsync(DeleteUserPoolRequest request, CancellationToken ct = default);
}
