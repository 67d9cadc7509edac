using CreatorPlatform.Core;
using CreatorPlatform.Core.Access;
using CreatorPlatform.Core.Aws.Cognito;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Sandbox;

/// <summary>
/// The sandbox's user pool, like the platform's: username sign-in with an e-mail alias, so a user's Username and its
/// <c>sub</c> differ. The default creator's user exists; nobody is in a group yet. As the CDK makes it, the pool has an
/// <c>Admins</c> group (precedence 1) and no custom attribute, so a newcomer meets the platform's real access problem.
/// Every user has the known password <see cref="SandboxSignIn.Password"/>, so that the console can sign in as them.
/// </summary>
public sealed class SandboxUsers(ICognitoClient cognito, IOptions<PlatformOptions> options, SandboxSignIn signIn)
{
    public const string PoolName = "creator-platform-sandbox";

    public static readonly IReadOnlyList<(string Username, string Email, string Name)> Others =
    [
        ("mariasantos", "maria.santos@example.com", "Maria Santos"),
        ("alexchen", "alex.chen@example.com", "Alex Chen"),
        ("priyapatel", "priya.patel@example.com", "Priya Patel"),
        ("samrivera", "sam.rivera@example.com", "Sam Rivera"),
        ("opsadmin", "ops@example.com", "Platform Ops"),
    ];

    public async Task<string?> ProvisionAsync(CancellationToken ct)
    {
        var pool = await cognito.CreateUserPoolAsync(new() { PoolName = PoolName, AliasAttributes = ["email"] }, ct);
        var poolId = pool.UserPool?.Id ?? throw new SandboxException("cognito-local created the sandbox user pool without an id.");
        var creator = options.Value.DefaultCreator;
        var users = Others.Prepend((creator.Username, $"{creator.Username}@example.com", creator.DisplayName));
        foreach (var (username, email, name) in users)
        {
            await cognito.AdminCreateUserAsync(new()
            {
                UserPoolId = poolId,
                Username = username,
                MessageAction = "SUPPRESS",
                TemporaryPassword = SandboxSignIn.Password,
                UserAttributes = [new("email", email), new("email_verified", "true"), new("name", name)],
            }, ct);
            await cognito.AdminSetUserPasswordAsync(new() { UserPoolId = poolId, Username = username, Password = SandboxSignIn.Password, Permanent = true }, ct);
        }
        await cognito.CreateGroupAsync(new() { UserPoolId = poolId, GroupName = options.Value.CreatorAccess.FrontendAdminGroup, Precedence = 1 }, ct);
        await signIn.ClientIdAsync(poolId, ct);
        return poolId;
    }

    public async Task DeletePoolAsync(string poolId, CancellationToken ct) =>
        await cognito.DeleteUserPoolAsync(new() { UserPoolId = poolId }, ct);
}
