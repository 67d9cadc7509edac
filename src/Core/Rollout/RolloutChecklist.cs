namespace CreatorPlatform.Core.Rollout;

public enum CheckState { Green, Amber, Red, NotCovered }

/// <summary>One line of the rollout checklist: its state from live data, why, and the screen that fixes it.</summary>
public sealed record CheckResult(string Step, string Title, CheckState State, string Detail, ConsoleScreen Link)
{
    /// <summary>The check could not run (no answer in time, an error): amber because the state is not known, not because it is half done.</summary>
    public bool NotChecked { get; init; }
}

/// <summary>A rollout step that knows how to check itself. Each feature registers the checks it can answer.</summary>
public interface IRolloutCheck
{
    /// <summary>The deployment guide's step, e.g. "5", used for order and to pair checks with <see cref="RolloutChecklist.GuideSteps"/>.</summary>
    string Step { get; }
    Task<CheckResult> CheckAsync(CancellationToken ct);
}

/// <summary>The rollout as the deployment guide orders it, each step checked from real state.</summary>
public sealed class RolloutChecklist(IEnumerable<IRolloutCheck> checks)
{
    /// <summary>The guide's steps that the checklist follows; a step no feature checks yet is shown as not covered.</summary>
    public static readonly IReadOnlyList<(string Step, string Title, ConsoleScreen Link)> GuideSteps =
    [
        ("4", "Tables created", ConsoleScreen.Tables),
        ("5", "Indexes active", ConsoleScreen.Tables),
        ("7", "Migration done", ConsoleScreen.Migration),
        ("8.1", "Creators group created", ConsoleScreen.Creators),
        ("8.2", "Default creator in the group", ConsoleScreen.Creators),
        ("8.3", "userId linked", ConsoleScreen.Creators),
        ("8.4", "Creators can work on the platform", ConsoleScreen.Creators),
        ("V", "Verification clean", ConsoleScreen.Verification),
        ("A", "Analytics summaries fresh", ConsoleScreen.Analytics),
    ];

    public async Task<IReadOnlyList<CheckResult>> RunAsync(CancellationToken ct = default)
    {
        var registered = checks.ToDictionary(c => c.Step);
        var results = await Task.WhenAll(GuideSteps.Select(async step => registered.TryGetValue(step.Step, out var check)
            ? await SafeCheckAsync(check, step, ct)
            : new CheckResult(step.Step, step.Title, CheckState.NotCovered, "This console does not check this step yet.", step.Link)));
        return results;
    }

    /// <summary>How long the Overview waits for one step's check before it says so and shows the others.</summary>
    public TimeSpan CheckTimeout { get; init; } = TimeSpan.FromSeconds(10);

    private async Task<CheckResult> SafeCheckAsync(IRolloutCheck check, (string Step, string Title, ConsoleScreen Link) step, CancellationToken ct)
    {
        Task<CheckResult>? checking = null;
        try
        {
            checking = check.CheckAsync(ct);
            return await checking.WaitAsync(CheckTimeout, ct);
        }
        catch (TimeoutException) when (checking is { IsCompleted: false })
        {
            // WaitAsync's own words ("The operation has timed out.") say neither what nor how long.
            return new CheckResult(step.Step, step.Title, CheckState.Amber,
                $"Could not be checked: no answer within {CheckTimeout.TotalSeconds:N0} s. Refresh checks again.", step.Link) { NotChecked = true };
        }
        catch (Exception e) when (e is not OperationCanceledException || !ct.IsCancellationRequested)
        {
            return new CheckResult(step.Step, step.Title, CheckState.Amber, $"Could not be checked: {e.Message}", step.Link) { NotChecked = true };
        }
    }
}
