using AdminConsole.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;

namespace AdminConsole;

/// <summary>
/// The web app's console log lines, laid out as the default "simple" formatter does (level, category and event id, then
/// the message and any exception indented), with the CLI's sanitizer on everything: a slug holding terminal escapes or
/// direction overrides shows them visibly (␛, ⟨U+202E⟩), and a line break in the data cannot start a line of its own.
/// </summary>
internal sealed class WebLogFormatter() : ConsoleFormatter(Name)
{
    public new const string Name = "admin-console";
    private const string Padding = "      ";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        var level = logEntry.LogLevel switch
        {
            LogLevel.Critical => "crit", LogLevel.Error => "fail", LogLevel.Warning => "warn",
            LogLevel.Information => "info", LogLevel.Debug => "dbug", _ => "trce",
        };
        textWriter.WriteLine($"{level}: {TerminalText.Clean(logEntry.Category.ReplaceLineEndings(" "))}[{logEntry.EventId.Id}]");
        if (!string.IsNullOrEmpty(message)) Indented(textWriter, message);
        if (logEntry.Exception is { } e) Indented(textWriter, e.ToString());
    }

    private static void Indented(TextWriter writer, string text) =>
        writer.WriteLine(Padding + TerminalText.Clean(text.ReplaceLineEndings("\n" + Padding)));

    /// <summary>
    /// The web app logs through this formatter unless the settings choose another: "systemd" becomes its cleaning
    /// counterpart (<see cref="WebSystemdLogFormatter"/>); json (the container's) escapes by itself.
    /// </summary>
    public static void Use(WebApplicationBuilder builder)
    {
        builder.Logging.AddConsoleFormatter<WebLogFormatter, ConsoleFormatterOptions>();
        builder.Logging.AddConsoleFormatter<WebSystemdLogFormatter, ConsoleFormatterOptions>();
        builder.Services.PostConfigure<ConsoleLoggerOptions>(o =>
        {
            if (o.FormatterName is null or "" or ConsoleFormatterNames.Simple) o.FormatterName = Name;
            else if (o.FormatterName == ConsoleFormatterNames.Systemd) o.FormatterName = WebSystemdLogFormatter.Name;
        });
    }
}
