namespace CreatorPlatform.Core.Troubleshooting;

public enum TroubleKind { AccessDenied, Credentials, TableMissing, StackMissing, FunctionMissing, NotFound, IndexStuck, IndexesInOneDeploy, MigrationFailures, Unreachable,
    NotAvailableHere, Other }

/// <summary>
/// A known failure said plainly: what happened, what to do next, and, where one helps, the command to run or the
/// screen to open. Never a stack trace.
/// </summary>
public sealed record Trouble(TroubleKind Kind, string Title, string Explanation, string NextAction, string? Command = null, ConsoleScreen? Link = null)
{
    /// <summary>Specifics worth listing under the explanation: failed items, throttle figures.</summary>
    public IReadOnlyList<string> Details { get; init; } = [];
}
