using System.CommandLine;
using CreatorPlatform.Sandbox;
using Spectre.Console;

namespace AdminConsole.Cli;

/// <summary><c>sandbox</c>: only the emulators, with their endpoints, for people who want the AWS CLI on them.</summary>
internal static class SandboxVerb
{
    public static Command Create()
    {
        var reset = new Option<bool>("--reset") { Description = "Return the sandbox to its pre-rollout state first." };
        var command = new Command("sandbox", "Run the sandbox's emulators (DynamoDB Local, cognito-local) until Ctrl-C.") { reset };
        command.SetAction((parse, ct) => CliApp.WithPlatformAsync(async services =>
        {
            var sandbox = services.GetRequiredService<SandboxRuntime>();
            if (parse.GetValue(reset)) await sandbox.ResetAsync(ct);
            var endpoints = sandbox.Endpoints!;
            AnsiConsole.MarkupLine("[bold]Sandbox running.[/] Point the AWS CLI at it:");
            AnsiConsole.WriteLine($"  export AWS_ENDPOINT_URL_DYNAMODB={endpoints.DynamoDb}");
            AnsiConsole.WriteLine($"  export AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER={endpoints.Cognito}");
            AnsiConsole.WriteLine("  export AWS_ACCESS_KEY_ID=sandbox AWS_SECRET_ACCESS_KEY=sandbox AWS_REGION=us-east-1");
            AnsiConsole.WriteLine($"  user pool: {sandbox.Manifest?.UserPoolId ?? "(none)"}   data: {sandbox.DataFolder}");
            AnsiConsole.MarkupLine("Press [bold]Ctrl-C[/] to stop.");
            try { await Task.Delay(Timeout.Infinite, ct); }
            catch (OperationCanceledException) { }
            return 0;
        }, ct));
        return command;
    }
}
