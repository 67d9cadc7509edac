using CreatorPlatform.Core.Aws.Cognito;
using CreatorPlatform.Core.Creators;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Access;

/// <summary>Reads what access depends on in the pool: the groups the platform reads, and the creator id attribute.</summary>
public sealed class PoolAccess(ICognitoClient cognito, UserPoolLocator pools, IOptions<PlatformOptions> options)
{
    public CreatorAccessOptions Access => options.Value.CreatorAccess;
    public CreatorsGroupOptions Frontend => options.Value.CreatorsGroup;

    /// <summary>The groups a creator must be in: the backend's creator role and the frontend's group.</summary>
    public IReadOnlyList<string> CreatorGroups => [Access.CreatorRoleGroup, Frontend.Name];

    /// <summary>The groups the platform reads, each with how <c>access ensure</c> creates it.</summary>
    public IReadOnlyList<(string Name, string Description, int? Precedence)> RequiredGroups =>
    [
        (Access.CreatorRoleGroup, "Creator role: the platform lets members add and manage their own products", null),
        (Access.AdminRoleGroup, "Admin role: the platform lets members manage every creator and product", null),
        (Frontend.Name, Frontend.Description, Frontend.Precedence),
    ];

    public async Task<PoolAccessState> ReadAsync(CancellationToken ct)
    {
        var poolId = (await pools.GetAsync(ct)).Id;
        var described = await cognito.DescribeUserPoolAsync(new() { UserPoolId = poolId }, ct);
        var hasAttribute = described.UserPool?.SchemaAttributes?.Any(a => a.Name == Access.CreatorIdClaim) ?? false;
        var groups = (await cognito.ListAllGroupsAsync(poolId, ct)).Select(g => g.GroupName).ToHashSet();
        return new(poolId, Access.CreatorIdClaim, hasAttribute, RequiredGroups.Select(g => g.Name).Where(g => !groups.Contains(g)).ToList());
    }
}
