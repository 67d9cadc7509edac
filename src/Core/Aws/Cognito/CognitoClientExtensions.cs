namespace CreatorPlatform.Core.Aws.Cognito;

public sealed record EnsuredGroup(GroupType Group, bool Created);

/// <summary>List-all helpers that follow NextToken / PaginationToken, and an idempotent group creation.</summary>
public static class CognitoClientExtensions
{
    public static Task<IReadOnlyList<GroupType>> ListAllGroupsAsync(this ICognitoClient cognito, string userPoolId, CancellationToken ct = default) =>
        Collect<GroupType>(async token =>
        {
            var page = await cognito.ListGroupsAsync(new() { UserPoolId = userPoolId, NextToken = token }, ct);
            return (page.Groups, page.NextToken);
        });

    public static Task<IReadOnlyList<UserType>> ListAllUsersInGroupAsync(this ICognitoClient cognito, string userPoolId, string groupName,
        CancellationToken ct = default) =>
        Collect<UserType>(async token =>
        {
            var page = await cognito.ListUsersInGroupAsync(new() { UserPoolId = userPoolId, GroupName = groupName, NextToken = token }, ct);
            return (page.Users, page.NextToken);
        });

    public static Task<IReadOnlyList<GroupType>> ListAllGroupsForUserAsync(this ICognitoClient cognito, string userPoolId, string username,
        CancellationToken ct = default) =>
        Collect<GroupType>(async token =>
        {
            var page = await cognito.AdminListGroupsForUserAsync(new() { UserPoolId = userPoolId, Username = username, NextToken = token }, ct);
            return (page.Groups, page.NextToken);
        });

    public static Task<IReadOnlyList<UserType>> ListAllUsersAsync(this ICognitoClient cognito, string userPoolId, string? filter = null,
        CancellationToken ct = default) =>
        Collect<UserType>(async token =>
        {
            var page = await cognito.ListUsersAsync(new() { UserPoolId = userPoolId, Filter = filter, PaginationToken = token }, ct);
            return (page.Users, page.PaginationToken);
        });

    /// <summary>Users whose e-mail is exactly <paramref name="email"/>: the way that works on Cognito and cognito-local alike.</summary>
    public static Task<IReadOnlyList<UserType>> FindUsersByEmailAsync(this ICognitoClient cognito, string userPoolId, string email,
        CancellationToken ct = default) =>
        cognito.ListAllUsersAsync(userPoolId, CognitoFilters.AttributeEquals("email", email), ct);

    /// <summary>
    /// Creates the group unless it exists. Looks by listing: cognito-local answers GetGroup for a missing group with a
    /// 500 (not ResourceNotFoundException) and a second CreateGroup overwrites the group and its members, where Cognito
    /// answers GroupExistsException; that answer (a concurrent creation) still counts as existing.
    /// </summary>
    public static async Task<EnsuredGroup> EnsureGroupAsync(this ICognitoClient cognito, string userPoolId, string groupName, string? description,
        int? precedence, CancellationToken ct = default)
    {
        if (await FindGroupAsync(cognito, userPoolId, groupName, ct) is { } existing) return new(existing, Created: false);
        try
        {
            var created = await cognito.CreateGroupAsync(new()
                { UserPoolId = userPoolId, GroupName = groupName, Description = description, Precedence = precedence }, ct);
            return new(created.Group ?? throw MissingGroup(groupName), Created: true);
        }
        catch (GroupExistsException)
        {
            return new(await FindGroupAsync(cognito, userPoolId, groupName, ct) ?? throw MissingGroup(groupName), Created: false);
        }
    }

    private static async Task<GroupType?> FindGroupAsync(ICognitoClient cognito, string userPoolId, string groupName, CancellationToken ct) =>
        (await cognito.ListAllGroupsAsync(userPoolId, ct)).FirstOrDefault(g => g.GroupName == groupName);

    private static async Task<IReadOnlyList<T>> Collect<T>(Func<string?, Task<(List<T>? Items, string? Next)>> page)
    {
        var all = new List<T>();
        string? token = null;
        do
        {
            var (items, next) = await page(token);
            all.AddRange(items ?? []);
            token = string.IsNullOrEmpty(next) ? null : next;
        } while (token is not null);
        return all;
    }

    private static AwsServiceException MissingGroup(string groupName) =>
        new("EmptyResponse", $"Cognito answered without the group '{groupName}'.", System.Net.HttpStatusCode.OK);
}
