using CreatorPlatform.Sandbox;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace AdminConsole.Tests.Security;

/// <summary>The web app's console log lines treat strings from the tables as text, with the CLI's sanitizer.</summary>
public sealed class WebLogFormatterTests
{
    private const string HostileSlug = "evil\u001b]0;pwned\u0007\u202Egnp.exe\nfail: forged line";

    [Fact]
    public async Task The_web_app_logs_to_the_console_through_the_cleaning_formatter()
    {
        await using var app = ConsoleAppBuilder.Build(SandboxEmulators.FreePort());

        var name = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);

        Assert.IsType<WebLogFormatter>(formatter);
    }

    [Fact]
    public void A_slug_with_terminal_escapes_direction_overrides_and_line_breaks_is_logged_visibly_on_indented_lines()
    {
        var output = Format(LogLevel.Warning, $"Walk: creator {HostileSlug} has no user", new InvalidOperationException($"slug {HostileSlug}"));

        Assert.DoesNotContain('\u001b', output);
        Assert.DoesNotContain('\u0007', output);
        Assert.DoesNotContain('\u202E', output);
        Assert.Contains("evil␛]0;pwned␇⟨U+202E⟩gnp.exe", output);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("warn: CreatorPlatform.Core.Walk.PlatformWalk[7]", lines[0]);
        Assert.All(lines.Skip(1), line => Assert.StartsWith("      ", line));
        Assert.Contains(lines, line => line == "      fail: forged line has no user");
    }

    [Theory]
    [InlineData("systemd")]
    [InlineData("json")]
    public async Task The_other_console_formatters_the_settings_may_choose_write_a_hostile_slug_on_one_line_with_nothing_raw(string formatterName)
    {
        await using var app = ConsoleAppBuilder.Build(SandboxEmulators.FreePort(), new Dictionary<string, string?> { ["Logging:Console:FormatterName"] = formatterName });
        var name = app.Services.GetRequiredService<IOptionsMonitor<ConsoleLoggerOptions>>().CurrentValue.FormatterName;
        var formatter = app.Services.GetServices<ConsoleFormatter>().Single(f => f.Name == name);
        var writer = new StringWriter { NewLine = "\n" };
        var message = $"Walk: creator {HostileSlug}\u2028warn: forged\r\nwarn: forged";
        var entry = new LogEntry<string>(LogLevel.Warning, "CreatorPlatform.Core.Walk.PlatformWalk", new EventId(7), message,
            new InvalidOperationException($"slug {HostileSlug}"), (s, _) => s);

        formatter.Write(entry, null, writer);

        var output = writer.ToString();
        Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.DoesNotContain(output, c => c is '\u001b' or '\u0007' or '\u202E' or '\u2028' or '\r');
        Assert.Contains("PlatformWalk", output);
    }

    private static string Format(LogLevel level, string message, Exception exception)
    {
        var writer = new StringWriter { NewLine = "\n" };
        var entry = new LogEntry<string>(level, "CreatorPlatform.Core.Walk.PlatformWalk", new EventId(7), message, exception, (s, _) => s);
        new WebLogFormatter().Write(entry, null, writer);
        return writer.ToString();
    }
}
