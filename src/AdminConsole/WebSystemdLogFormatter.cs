using AdminConsole.Cli;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AdminConsole;

/// <summary>
/// The "systemd" layout (one line an entry, a syslog priority first) with the CLI's sanitizer: the built-in systemd
/// formatter only joins lines, and writes escapes, direction overrides and other line breaks in the data as they are.
/// Chosen in place of the built-in one whenever the settings name "systemd". The json formatter needs no such care: its
/// encoder escapes every control, separator and direction character (\u001B, \u2028, \u202E).
/// </summary>
internal sealed class WebSystemdLogFormatter(IOptionsMonitor<ConsoleFormatterOptions> options) : ConsoleFormatter(Name)
{
    public new const string Name = "admin-console-systemd";

    public override void Write<TState>(in LogEntry<TState> logEntry, IExternalScopeProvider? scopeProvider, TextWriter textWriter)
    {
        var message = logEntry.Formatter(logEntry.State, logEntry.Exception);
        if (string.IsNullOrEmpty(message) && logEntry.Exception is null) return;
        var priority = logEntry.LogLevel switch
        {
            LogLevel.Critical => 2, LogLevel.Error => 3, LogLevel.Warning => 4, LogLevel.Information => 6, _ => 7,
        };
        var settings = options.CurrentValue;
        var line = new System.Text.StringBuilder($"<{priority}>");
        if (settings.TimestampFormat is { } format)
            line.Append((settings.UseUtcTimestamp ? DateTimeOffset.UtcNow : DateTimeOffset.Now).ToString(format, System.Globalization.CultureInfo.InvariantCulture));
        line.Append($"{logEntry.Category}[{logEntry.EventId.Id}]");
        if (settings.IncludeScopes) scopeProvider?.ForEachScope((scope, text) => text.Append(" => ").Append(scope), line);
        if (!string.IsNullOrEmpty(message)) line.Append(' ').Append(message);
        if (logEntry.Exception is { } e) line.Append(' ').Append(e);
        textWriter.WriteLine(TerminalText.OneLine(line.ToString().ReplaceLineEndings(" ")));
    }
}
