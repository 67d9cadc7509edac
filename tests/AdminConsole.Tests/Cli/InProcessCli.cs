using AdminConsole.Cli;

namespace AdminConsole.Tests.Cli;

/// <summary>
/// Runs a verb in this process as the console's entry point does, with <paramref name="environment"/> set for its run and
/// stdout, stderr and Spectre's console captured. Everything it swaps is process-wide, so its callers are in
/// <see cref="TerminalCollection"/>, which runs alone.
/// </summary>
public static class InProcessCli
{
    /// <param name="width">Spectre's width: wide enough that no line is wrapped, so that every line start is one the verb printed.</param>
    public static async Task<(int Exit, string Output, string Errors)> RunAsync(string[] args, IReadOnlyDictionary<string, string?> environment,
        TimeSpan timeout, int? width = null)
    {
        var previous = environment.Keys.ToDictionary(k => k, Environment.GetEnvironmentVariable);
        var (stdout, stderr) = (Console.Out, Console.Error);
        var (output, errors) = (new StringWriter(), new StringWriter());
        foreach (var (key, value) in environment) Environment.SetEnvironmentVariable(key, value);
        var console = Spectre.Console.AnsiConsole.Console;
        Console.SetOut(output);
        Console.SetError(errors);
        var captured = Spectre.Console.AnsiConsole.Create(new Spectre.Console.AnsiConsoleSettings
        {
            Ansi = Spectre.Console.AnsiSupport.No, Interactive = Spectre.Console.InteractionSupport.No, Out = new Spectre.Console.AnsiConsoleOutput(output),
        });
        if (width is { } w) captured.Profile.Width = w;
        Spectre.Console.AnsiConsole.Console = captured;
        try
        {
            var exit = await CliApp.RunAsync(args).WaitAsync(timeout);
            return (exit, output.ToString(), errors.ToString());
        }
        finally
        {
            Console.SetOut(stdout);
            Console.SetError(stderr);
            Spectre.Console.AnsiConsole.Console = console;
            foreach (var (key, value) in previous) Environment.SetEnvironmentVariable(key, value);
        }
    }
}
