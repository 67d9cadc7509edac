namespace CreatorPlatform.Core.Aws.Cognito;

/// <summary>Cognito user pools over the JSON 1.1 protocol; the HttpClient carries the endpoint, the retry policy and the SigV4 handler.</summary>
public sealed class CognitoClient(HttpClient http, AwsContext aws) : ICognitoClient
{
    public const string SigningName = "cognito-idp";
    public const string EndpointId = "COGNITO_IDENTITY_PROVIDER";
    private const string TargetPrefix = "AWSCognitoIdentityProviderService";

    private readonly AwsJsonClient json = new(http, TargetPrefix, SigningName, aws.Options.Profile);

    public static Uri Endpoint(AwsContext aws) =>
        aws.EndpointOverride(EndpointId) ?? new Uri($"https://cognito-idp.{aws.Region.SystemName}.amazonaws.com/");

    public Task<CreateGroupResponse> CreateGroupAsync(CreateGroupRequest request, CancellationToken ct = default) =>
        Send<CreateGroupRequest, CreateGroupResponse>("CreateGroup", request, ct);

    public Task<GetGroupResponse> GetGroupAsync(GetGroupRequest request, CancellationToken ct = default) =>
        Send<GetGroupRequest, GetGroupResponse>("GetGroup", request, ct);

    public Task<ListGroupsResponse> ListGroupsAsync(ListGroupsRequest request, CancellationToken ct = default) =>
        Send<ListGroupsRequest, ListGroupsResponse>("ListGroups", request, ct);

    public Task<ListUsersInGroupResponse> ListUsersInGroupAsync(ListUsersInGroupRequest request, CancellationToken ct = default) =>
        Send<ListUsersInGroupRequest, ListUsersInGroupResponse>("ListUsersInGroup", request, ct);

    public Task<AdminAddUserToGroupResponse> AdminAddUserToGroupAsync(AdminAddUserToGroupRequest request, CancellationToken ct = default) =>
        Send<AdminAddUserToGroupRequest, AdminAddUserToGroupResponse>("AdminAddUserToGroup", request, ct);

    public Task<AdminRemoveUserFromGroupResponse> AdminRemoveUserFromGroupAsync(AdminRemoveUserFromGroupRequest request, CancellationToken ct = default) =>
        Send<AdminRemoveUserFromGroupRequest, AdminRemoveUserFromGroupResponse>("AdminRemoveUserFromGroup", request, ct);

    public Task<AdminListGroupsForUserResponse> AdminListGroupsForUserAsync(AdminListGroupsForUserRequest request, CancellationToken ct = default) =>
        Send<AdminListGroupsForUserRequest, AdminListGroupsForUserResponse>("AdminListGroupsForUser", request, ct);

    public Task<AdminGetUserResponse> AdminGetUserAsync(AdminGetUserRequest request, CancellationToken ct = default) =>
        Send<AdminGetUserRequest, AdminGetUserResponse>("AdminGetUser", request, ct);

    public Task<ListUsersResponse> ListUsersAsync(ListUsersRequest request, CancellationToken ct = default) =>
        Send<ListUsersRequest, ListUsersResponse>("ListUsers", request, ct);

    public Task<AdminCreateUserResponse> AdminCreateUserAsync(AdminCreateUserRequest request, CancellationToken ct = default) =>
        Send<AdminCreateUserRequest, AdminCreateUserResponse>("AdminCreateUser", request, ct);

    public Task<AdminDeleteUserResponse> AdminDeleteUserAsync(AdminDeleteUserRequest request, CancellationToken ct = default) =>
        Send<AdminDeleteUserRequest, AdminDeleteUserResponse>("AdminDeleteUser", request, ct);

    public Task<DescribeUserPoolResponse> DescribeUserPoolAsync(DescribeUserPoolRequest request, CancellationToken ct = default) =>
        Send<DescribeUserPoolRequest, DescribeUserPoolResponse>("DescribeUserPool", request, ct);

    public Task<AddCustomAttributesResponse> AddCustomAttributesAsync(AddCustomAttributesRequest request, CancellationToken ct = default) =>
        Send<AddCustomAttributesRequest, AddCustomAttributesResponse>("AddCustomAttributes", request, ct);

    public Task<AdminUpdateUserAttributesResponse> AdminUpdateUserAttributesAsync(AdminUpdateUserAttributesRequest request, CancellationToken ct = default) =>
        Send<AdminUpdateUserAttributesRequest, AdminUpdateUserAttributesResponse>("AdminUpdateUserAttributes", request, ct);

    public Task<AdminSetUserPasswordResponse> AdminSetUserPasswordAsync(AdminSetUserPasswordRequest request, CancellationToken ct = default) =>
        SandboxOnly<AdminSetUserPasswordRequest, AdminSetUserPasswordResponse>("AdminSetUserPassword", request, ct);

    public Task<CreateUserPoolClientResponse> CreateUserPoolClientAsync(CreateUserPoolClientRequest request, CancellationToken ct = default) =>
        SandboxOnly<CreateUserPoolClientRequest, CreateUserPoolClientResponse>("CreateUserPoolClient", request, ct);

    public Task<ListUserPoolClientsResponse> ListUserPoolClientsAsync(ListUserPoolClientsRequest request, CancellationToken ct = default) =>
        SandboxOnly<ListUserPoolClientsRequest, ListUserPoolClientsResponse>("ListUserPoolClients", request, ct);

    public Task<InitiateAuthResponse> InitiateAuthAsync(InitiateAuthRequest request, CancellationToken ct = default) =>
        SandboxOnly<InitiateAuthRequest, InitiateAuthResponse>("InitiateAuth", request, ct);

    public Task<CreateUserPoolResponse> CreateUserPoolAsync(CreateUserPoolRequest request, CancellationToken ct = default) =>
        SandboxOnly<CreateUserPoolRequest, CreateUserPoolResponse>("CreateUserPool", request, ct);

    public Task<ListUserPoolsResponse> ListUserPoolsAsync(ListUserPoolsRequest request, CancellationToken ct = default) =>
        SandboxOnly<ListUserPoolsRequest, ListUserPoolsResponse>("ListUserPools", request, ct);

    public Task<DeleteUserPoolResponse> DeleteUserPoolAsync(DeleteUserPoolRequest request, CancellationToken ct = default) =>
        SandboxOnly<DeleteUserPoolRequest, DeleteUserPoolResponse>("DeleteUserPool", request, ct);

    private Task<TResponse> Send<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct) =>
        json.SendAsync<TRequest, TResponse>(operation, request, ct);

    private Task<TResponse> SandboxOnly<TRequest, TResponse>(string operation, TRequest request, CancellationToken ct) =>
        aws.IsSandbox
            ? Send<TRequest, TResponse>(operation, request, ct)
            : throw new InvalidOperationException($"{operation} is for the sandbox only: the console never manages user pools in an AWS account.");
}
