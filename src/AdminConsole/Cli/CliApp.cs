using System.CommandLine;
using CreatorPlatform.Core;
using CreatorPlatform.Core.Aws;
using CreatorPlatform.Core.Schema;
using CreatorPlatform.Core.Security;
using CreatorPlatform.Sandbox;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary>The command-line verbs: each runs one job against the configured platform and exits 0 only when it succeeded.</summary>
public static class CliApp
{
    private static readonly HashSet<string> Verbs = ["status", "sandbox", "migrate", "verify", "group", "link", "onboard", "analytics", "healthcheck", "schema", "access",
        "unlink", "ungroup", "disable"];

    /// <summary>On a failure, the exception with its stack trace (without it, one or two lines say what happened and what to do).</summary>
    public static readonly Option<bool> Verbose = new("--verbose") { Description = "On a failure, print the details (the exception and its stack trace).", Recursive = true };

    /// <summary>
    /// Whether the arguments are for the command line: a verb, any other word first (a misspelt verb must not start the
    /// web console and its emulators), or a request for help. Options alone (<c>--urls</c>) and <c>key=value</c> settings
    /// are the web console's.
    /// </summary>
    public static bool IsVerb(string[] args) => args.Length > 0
        && (!args[0].StartsWith('-') && !args[0].Contains('=') || args.Any(a => Verbs.Contains(a) || CliOnly.Contains(a)));

    private static readonly HashSet<string> CliOnly = ["--help", "-h", "-?", "--version", "--verbose", "--wait", "--no-wait", "--json"];

    public static async Task<int> RunAsync(string[] args)
    {
        var root = new RootCommand("Creator Platform Admin Console. Without a verb, `dotnet run` starts the web console.")
        {
            StatusVerb.Create(),
            SandboxVerb.Create(),
            HealthCheckVerb.Create(),
            GroupVerb.Create(),
            CreatorsCli.Link(),
            CreatorsCli.Onboard(),
            SchemaVerb.Create(),
            MigrateVerb.Create(),
            VerifyVerb.Create(),
            AnalyticsVerb.Create(),
            AccessVerb.Create(),
            CreatorUndoCli.Ungroup(),
            CreatorUndoCli.Unlink(),
            CreatorUndoCli.Disable(),
        };
        root.Options.Add(LeaseWait.Wait);
        root.Options.Add(LeaseWait.NoWait);
        root.Options.Add(Verbose);
        CliJson.Reset();
        if (args.Contains("--json")) CliJson.Begin();
        // After CliJson.Begin, which may replace the console: whatever reaches the terminal is cleaned.
        TerminalText.Protect(AnsiConsole.Console);
        var parse = root.Parse(args);
        var exitCode = parse.Errors.Count > 0 && parse.Action is not System.CommandLine.Help.HelpAction
            ? CliFailure.Usage(parse)
            : await InvokeAsync(parse);
        CliJson.End(exitCode);
        return exitCode;
    }

    private static async Task<int> InvokeAsync(ParseResult parse)
    {
        LeaseWait.Configure(parse);
        CliLogFormatter.Verbose = parse.GetValue(Verbose);
        try
        {
            // Ctrl-C cancels the verb's job, which finishes the writes in flight and releases its claims: give it time.
            return await parse.InvokeAsync(new InvocationConfiguration
            {
                ProcessTerminationTimeout = TimeSpan.FromSeconds(30), EnableDefaultExceptionHandler = false,
                Output = Console.Out, Error = Console.Error,
            });
        }
        catch (Exception e)
        {
            return CliFailure.Report(e, parse.GetValue(Verbose));
        }
    }

    /// <summary>
    /// Core's services for one verb, with the same appsettings.json as the web app. In Sandbox mode the emulators are
    /// started (or joined, when the web console already runs them) for as long as the verb runs.
    /// </summary>
    public static async Task<int> WithPlatformAsync(Func<IServiceProvider, Task<int>> verb, CancellationToken ct)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { ContentRootPath = AppContext.BaseDirectory, Args = [] });
        // A verb prints its own output; only warnings and errors of the services underneath belong beside it.
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?> { ["Logging:LogLevel:Default"] = "Warning" });
        // Logs are for people and go to stderr, one line each: stdout is the verb's own output (with --json, its one document).
        builder.Logging.AddConsole(o => o.FormatterName = CliLogFormatter.Name).AddConsoleFormatter<CliLogFormatter, ConsoleFormatterOptions>();
        builder.Services.Configure<ConsoleLoggerOptions>(o => o.LogToStandardErrorThreshold = LogLevel.Trace);
        // No sign-in on the command line: the operator acts with their own AWS credentials and is audited as such.
        builder.Services.AddSingleton<ICurrentActor>(new FixedActor(Actor.Operator(builder.Configuration[$"{PlatformOptions.Section}:Profile"])));
        builder.AddCore();
        builder.AddSandbox();
        await using var services = builder.Services.BuildServiceProvider();
        try
        {
            var options = services.GetRequiredService<IOptions<PlatformOptions>>().Value;
            var sandbox = services.GetRequiredService<SandboxRuntime>();
            if (options.Mode == PlatformMode.Sandbox) await sandbox.StartAsync(ct);
            await CliAudit.FlushKeptAsync(services, ct);
            try
            {
                return await verb(services);
            }
            finally
            {
                CliAudit.ReportUnwritten(services);
            }
        }
        catch (Exception e) when (e is SandboxException or OptionsValidationException or AwsSetupException)
        {
            // The message says what is wrong and what to do (the setting, the profile, the port): on stderr, as every failure.
            return CliFailure.Refuse(e.Message);
        }
        catch (Exception e) when (e is TableMissingException or Amazon.DynamoDBv2.Model.ResourceNotFoundException)
        {
            // Any verb before the tables exist: name each missing table and its fix, not the SDK's "Requested resource not found".
            var lines = await services.GetRequiredService<MissingTableAdvice>().ExplainAsync(CancellationToken.None);
            return CliFailure.Failed(lines);
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            return CliFailure.Report(new OperationCanceledException(), verbose: false);
        }
    }
}
