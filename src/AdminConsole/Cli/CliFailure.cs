using System.CommandLine;
using System.Text.Json;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Jobs;
using CreatorPlatform.Core.Schema;

namespace AdminConsole.Cli;

/// <summary>
/// How the command line ends when it cannot go on: two lines on stderr, what happened and what to do. The exception and
/// its stack trace only with <c>--verbose</c>.
/// </summary>
internal static class CliFailure
{
    /// <summary>A command line that does not parse: the first problem and the usage of the verb it names. Exit 2; nothing ran.</summary>
    public static int Usage(ParseResult parse)
    {
        // A misspelt verb also leaves its command without a subcommand: the unrecognised word is the one to name.
        var first = parse.Errors.OrderBy(e => e.Message.StartsWith("Unrecognized", StringComparison.Ordinal) ? 0 : 1).First().Message;
        var more = parse.Errors.Count > 1 ? $" (and {parse.Errors.Count - 1} more)" : "";
        var command = parse.CommandResult.Command;
        var path = string.Join(' ', Path(parse.CommandResult).Reverse());
        var verbs = command.Subcommands.Where(c => !c.Hidden).Select(c => c.Name).ToList();
        var usage = verbs.Count > 0 && command.Options.All(o => o.Recursive || o.Name is "--help" or "--version")
            ? $"usage: {path} <{string.Join("|", verbs)}> [options]; `{path} --help` describes each."
            : $"usage: {path}{(verbs.Count > 0 ? " [" + string.Join("|", verbs) + "]" : "")} [options]; `{path} --help` lists them.";
        CliJson.Fail(OneLine(first));
        Console.Error.WriteLine(TerminalText.Clean($"error: {OneLine(first)}{more}"));
        Console.Error.WriteLine(TerminalText.Clean(usage));
        return 2;
    }

    /// <summary>A request refused before anything started: what is wrong and what to do, on stderr. Exit 2.</summary>
    public static int Refuse(string what, string next)
    {
        CliJson.Fail(OneLine(what));
        Console.Error.WriteLine(TerminalText.Clean($"error: {OneLine(what)}"));
        Console.Error.WriteLine(TerminalText.Clean(next));
        return 2;
    }

    /// <summary>Settings or a set-up that cannot work, in a message that also says what to do: on stderr. Exit 2; nothing ran.</summary>
    public static int Refuse(string whatAndNext)
    {
        // Whole, not cut at OneLine's length: a settings check lists every setting that is wrong.
        var text = whatAndNext.ReplaceLineEndings(" ").Trim();
        CliJson.Fail(text);
        Console.Error.WriteLine(TerminalText.Clean($"error: {text}"));
        return 2;
    }

    /// <summary>A step that failed for reasons each line names with its fix (the missing tables): on stderr. Exit 1.</summary>
    public static int Failed(IReadOnlyList<string> lines)
    {
        CliJson.Fail(string.Join(" ", lines));
        foreach (var line in lines) Console.Error.WriteLine(TerminalText.Clean($"failed: {line.ReplaceLineEndings(" ").Trim()}"));
        return 1;
    }

    /// <summary>An exception that reached the top of a verb: what happened, what to do; exit 1 (130 when cancelled).</summary>
    public static int Report(Exception e, bool verbose)
    {
        if (verbose) Console.Error.WriteLine(TerminalText.Clean(e.ToString()));
        if (e is OperationCanceledException)
        {
            CliJson.Fail("Cancelled.");
            Console.Error.WriteLine("Cancelled.");
            return 130;
        }
        var (what, next) = Describe(e);
        CliJson.Fail(OneLine(what));
        Console.Error.WriteLine(TerminalText.Clean($"failed: {OneLine(what)}"));
        Console.Error.WriteLine(TerminalText.Clean($"next: {next}{(verbose ? "" : " (--verbose prints the details.)")}"));
        return 1;
    }

    public static (string What, string Next) Describe(Exception e) => e switch
    {
        TableMissingException m => ($"{m.Missing.Table} does not exist.", "Apply the schema first: `schema apply` (in Mode=Aws, deploy the storage stack)."),
        _ when AwsErrors.IsAccessDenied(e) => (AwsErrors.Refusal(e), AwsErrors.PermissionAdvice),
        // Before the network's case: the SDK reports credentials it could not find as a client error, as it does a lost connection.
        _ when AwsErrors.IsCredentials(e) => ($"The AWS credentials are missing or expired: {e.Message}", AwsErrors.CredentialsAdvice),
        AmazonServiceException s when s.StatusCode is System.Net.HttpStatusCode.BadRequest && s.ErrorCode is "ValidationException" =>
            ($"AWS refused a value: {s.Message}", "Check the ids and names on the command line."),
        AmazonServiceException s => ($"AWS answered {s.ErrorCode ?? s.StatusCode.ToString()}: {s.Message}",
            "Check the settings (Platform:*) and your AWS credentials, then run it again."),
        _ when AwsErrors.NoAnswerIn(e) is { } no => ($"A service did not answer: {no.Cause.Message}",
            "In the sandbox, check that its emulators run (`sandbox` starts them); against AWS, the network and credentials. Then run the command again: jobs resume where they " +
                "stopped."),
        JsonException or FormatException or InvalidDataException or ArgumentOutOfRangeException =>
            ($"A stored record could not be read: {e.Message}", "A record in AdminConsoleOpsTable is damaged; `--verbose` names it. Remove or fix it, then run the command again."),
        _ => ($"{e.GetType().Name}: {e.Message}", "Run it again with --verbose and keep what it prints."),
    };

    /// <summary>
    /// A job that failed because a service did not answer ends the verb as any verb does then: the two lines of
    /// <see cref="Report"/> with what to do, not only the job's log.
    /// </summary>
    public static void ThrowIfUnreachable(JobRun run)
    {
        if (run.State == JobState.Failed && AwsErrors.NoAnswerIn(run.Cause) is not null)
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(run.Cause!);
    }

    private static string OneLine(string text)
    {
        var line = text.ReplaceLineEndings(" ").Trim();
        return line.Length > 300 ? line[..300] + "…" : line;
    }

    private static IEnumerable<string> Path(System.CommandLine.Parsing.SymbolResult? result)
    {
        for (; result is not null; result = result.Parent)
            if (result is System.CommandLine.Parsing.CommandResult c) yield return c.Command is RootCommand ? "AdminConsole" : c.Command.Name;
    }
}
