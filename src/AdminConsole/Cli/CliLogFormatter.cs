using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AdminConsole.Cli;

/// <summary>
/// The CLI's log lines beside a verb's own output: one line each, the level and the message, with an exception named by
/// its type and message; its stack trace only with <c>--verbose</c>. Control characters in the text are made visible.
/// </summary>
internal sealed class CliLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "cli";

    /// <summary>Set once per process from the command line, before the host that logs is built.</summary>
    public static bool Verbose { get; set; }

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        var level = logEntry.LogLevel switch { LogLevel.Critical => "crit", LogLevel.Error => "fail", LogLevel.Warning => "warn", LogLevel.Information => "info", _ => "dbug" };
        // The message (and an exception's message) holds data: one line, so that a slug cannot start a line of its own.
        // With --verbose the stack trace follows on lines of its own, each indented.
        var exception = logEntry.Exception switch
        {
            null => "",
            var e when Verbose => Environment.NewLine + "      " + e.ToString().ReplaceLineEndings(Environment.NewLine + "      "),
            var e => $" ({e.GetType().Name}: {e.Message.ReplaceLineEndings(" ")})",
        };
        textWriter.WriteLine(TerminalText.Clean($"{level}: {message.ReplaceLineEndings(" ")}{exception}"));
    }
}
