using System.Collections.Concurrent;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Aws.Cognito;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Access;

/// <summary>
/// Sandbox only: signs in as a sandbox user with the known sandbox password and decodes the real ID token
/// cognito-local issues, so the access check shows what the platform's API would receive, not a prediction.
/// </summary>
public sealed class SandboxSignIn(ICognitoClient cognito, AwsContext aws, IOptions<PlatformOptions> options)
{
    /// <summary>Every sandbox user's password (the sandbox holds no real accounts).</summary>
    public const string Password = "Sandbox-Passw0rd!";
    public const string ClientName = "creator-platform-sandbox-web";

    // One lookup or creation per pool, shared: parallel first sign-ins would each create an app client.
    private readonly ConcurrentDictionary<string, Task<string>> clients = new();

    public bool Available => aws.IsSandbox;

    public async Task<TokenClaims> SignInAsync(string poolId, string username, CancellationToken ct)
    {
        var clientId = await ClientIdAsync(poolId, ct);
        var result = await TryAsync(clientId, username, ct);
        if (result?.IdToken is null)
        {
            // Users created after provisioning (onboarding) have a temporary password: give them the known one.
            await cognito.AdminSetUserPasswordAsync(new() { UserPoolId = poolId, Username = username, Password = Password, Permanent = true }, ct);
            result = await TryAsync(clientId, username, ct);
        }
        var token = result?.IdToken ?? throw new AwsServiceException("NotAuthorizedException", $"cognito-local signed {username} in without an ID token.",
            System.Net.HttpStatusCode.OK);
        return TokenClaims.FromIdToken(token, options.Value.CreatorAccess.CreatorIdClaim);
    }

    /// <summary>The sandbox's app client, as the platform's frontend has one; created on first use.</summary>
    public async Task<string> ClientIdAsync(string poolId, CancellationToken ct)
    {
        var pending = clients.GetOrAdd(poolId, id => LookUpOrCreateAsync(id, CancellationToken.None));
        try
        {
            return await pending.WaitAsync(ct);
        }
        catch (Exception) when (pending.IsFaulted || pending.IsCanceled)
        {
            clients.TryRemove(new(poolId, pending));
            throw;
        }
    }

    private async Task<string> LookUpOrCreateAsync(string poolId, CancellationToken ct)
    {
        var existing = (await cognito.ListUserPoolClientsAsync(new() { UserPoolId = poolId }, ct)).UserPoolClients?
            .FirstOrDefault(c => c.ClientName == ClientName)?.ClientId;
        var id = existing ?? (await cognito.CreateUserPoolClientAsync(new()
            { UserPoolId = poolId, ClientName = ClientName, ExplicitAuthFlows = ["ALLOW_USER_PASSWORD_AUTH", "ALLOW_REFRESH_TOKEN_AUTH"] }, ct))
            .UserPoolClient?.ClientId ?? throw new InvalidOperationException("cognito-local created an app client without an id.");
        return id;
    }

    private async Task<AuthenticationResultType?> TryAsync(string clientId, string username, CancellationToken ct)
    {
        try
        {
            var response = await cognito.InitiateAuthAsync(new()
            {
                AuthFlow = "USER_PASSWORD_AUTH",
                ClientId = clientId,
                AuthParameters = new() { ["USERNAME"] = username, ["PASSWORD"] = Password },
            }, ct);
            return response.AuthenticationResult;
        }
        catch (AwsServiceException e) when (e.ErrorCode is "NotAuthorizedException" or "PasswordResetRequiredException")
        {
            return null;
        }
    }
}
