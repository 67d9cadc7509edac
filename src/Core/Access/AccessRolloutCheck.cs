using CreatorPlatform.Core.Rollout;

namespace CreatorPlatform.Core.Access;

/// <summary>Step 8.4, after the guide's 8.3: every active creator can work, as the platform's own code decides.</summary>
public sealed class CreatorsCanWorkCheck(Walk.PlatformFactsStore facts, TimeProvider time) : IRolloutCheck
{
    public const string StepId = "8.4";
    public const string Title = "Creators can work on the platform";

    public string Step => StepId;

    /// <summary>From the newest platform walk (one GetItem): checking every creator's token on each view would not scale.</summary>
    public async Task<CheckResult> CheckAsync(CancellationToken ct)
    {
        if (await facts.LatestAsync(ct) is not { } walked)
            return Result(CheckState.NotCovered, "Not checked yet: walk every creator to check each one's token.");
        var age = $"(walk {walked.Age(time.GetUtcNow())})";
        if (walked.Active == 0) return Result(CheckState.Red, $"No active creator yet {age}.");
        return walked.AllActiveCanWork
            ? Result(CheckState.Green, $"All {walked.Active:N0} active creators get the creator role and their creator id from their token {age}.")
            : Result(CheckState.Red, $"{walked.BlockedCount:N0} of {walked.Active:N0} active creators cannot work {age}"
                + (walked.Blocked is [var first, ..] ? $": {first.Slug}: {first.Reason}" : "."));
    }

    private static CheckResult Result(CheckState state, string detail) => new(StepId, Title, state, detail, ConsoleScreen.Creators);
}
