using CreatorPlatform.Core.Rollout;
using Microsoft.Extensions.Options;
using DynamoDbResourceNotFound = Amazon.DynamoDBv2.Model.ResourceNotFoundException;

namespace CreatorPlatform.Core.Creators;

/// <summary>Step 8.1: the Creators group exists with the guide's description and precedence.</summary>
public sealed class CreatorsGroupCheck(CreatorsGroupService group) : IRolloutCheck
{
    public string Step => "8.1";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var state = await group.GetStateAsync(ct);
        return state switch
        {
            { Exists: false } => Result(CheckState.Red, $"The group '{state.Name}' does not exist."),
            { Drift.Count: > 0 } => Result(CheckState.Amber, $"The group exists but differs: {string.Join(" ", state.Drift)}"),
            _ => Result(CheckState.Green, $"The group '{state.Name}' exists (precedence {state.Group!.Precedence})."),
        };
    }

    private CheckResult Result(CheckState state, string detail) => new(Step, "Creators group created", state, detail, ConsoleScreen.Creators);
}

/// <summary>Step 8.2: the default creator's user is in the group.</summary>
public sealed class DefaultCreatorInGroupCheck(CreatorsGroupService group, IOptions<PlatformOptions> options) : IRolloutCheck
{
    public string Step => "8.2";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var username = options.Value.DefaultCreator.Username;
        if (!(await group.GetStateAsync(ct)).Exists) return Result(CheckState.Red, "The group does not exist yet (step 8.1).");
        return await group.IsMemberAsync(username, ct)
            ? Result(CheckState.Green, $"{username} is in the group.")
            : Result(CheckState.Red, $"{username} is not in the group '{group.Settings.Name}'.");
    }

    private CheckResult Result(CheckState state, string detail) => new(Step, "Default creator in the group", state, detail, ConsoleScreen.Creators);
}

/// <summary>Step 8.3: the default creator's userId is its user's sub (not the Username the guide wrote).</summary>
public sealed class DefaultCreatorLinkedCheck(LinkageService linkage, IOptions<PlatformOptions> options) : IRolloutCheck
{
    public string Step => "8.3";

    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        var slug = options.Value.DefaultCreator.Slug;
        CreatorLinkage state;
        try
        {
            state = await linkage.GetAsync(slug, ct);
        }
        catch (Exception e) when (e is CreatorNotFoundException or DynamoDbResourceNotFound)
        {
            return Result(CheckState.Red, $"The default creator '{slug}' does not exist yet (the migration creates it).");
        }
        return state.State switch
        {
            LinkageState.Linked => Result(CheckState.Green, $"{slug} is linked to {state.User!.Username} by sub {state.User.Sub}."),
            LinkageState.HoldsUsername => Result(CheckState.Red, $"{slug}'s userId holds the Username '{state.User!.Username}', not its sub: fix it on the Creators page."),
            _ => Result(CheckState.Red, $"{slug}: {state.Detail}"),
        };
    }

    private CheckResult Result(CheckState state, string detail) => new(Step, "userId linked", state, detail, ConsoleScreen.Creators);
}
