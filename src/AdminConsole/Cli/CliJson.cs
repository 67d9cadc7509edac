using System.Text.Json;
using System.Text.Json.Serialization;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>
/// The --json contract: stdout carries exactly one JSON document, whatever happens. In JSON mode everything else
/// (Spectre's output, Console.Out, logs) goes to stderr, and a verb that ends without its document gets one naming
/// its exit code and error.
/// </summary>
internal static class CliJson
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        Converters = { new JsonStringEnumConverter() },
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    private static TextWriter stdout = Console.Out;
    private static string? error;

    public static bool Enabled { get; private set; }
    public static bool Written { get; private set; }

    /// <summary>A new run starts with nothing written and no error (a process runs one verb; the tests run many in one process).</summary>
    public static void Reset()
    {
        Enabled = Written = false;
        error = null;
        stdout = Console.Out;
    }

    /// <summary>From here on only <see cref="Write{T}"/> reaches stdout.</summary>
    public static void Begin()
    {
        Enabled = true;
        stdout = Console.Out;
        Console.SetOut(Console.Error);
        AnsiConsole.Console = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
    }

    public static void Write<T>(T value) => WriteText(JsonSerializer.Serialize(value, Options));

    public static void WriteText(string json)
    {
        if (Written) throw new InvalidOperationException("A verb printed a second JSON document; --json promises one.");
        Written = true;
        stdout.WriteLine(json);
        stdout.Flush();
    }

    /// <summary>Remembers why the verb fails, for the closing document when the verb wrote none.</summary>
    public static void Fail(string message) => error ??= message;

    /// <summary>The document of a verb that wrote none: its exit code and, when known, why.</summary>
    public static void End(int exitCode)
    {
        if (!Enabled || Written) return;
        Write(new { Ok = exitCode == 0, ExitCode = exitCode, Error = error ?? (exitCode == 0 ? null : "The command failed; stderr says why.") });
    }
}
