using System.Text.RegularExpressions;
using Amazon.Runtime;
using CreatorPlatform.Core.Aws;
using Microsoft.Extensions.Options;

namespace CreatorPlatform.Core.Troubleshooting;

/// <summary>
/// The one place that maps errors and conditions to the deployment guide's Troubleshooting answers; pages, the
/// verification report and the CLI render what it returns where the trouble shows.
/// </summary>
public sealed partial class Troubleshooter(IOptions<PlatformOptions> options)
{
    private PlatformOptions O => options.Value;
    private string Profile => string.IsNullOrWhiteSpace(O.Profile) ? "<your profile>" : O.Profile;

    /// <summary>An error from any AWS call. <paramref name="action"/> and <paramref name="resource"/> say what was being done, when the error does not.</summary>
    public Trouble Explain(Exception e, string? action = null, string? resource = null) => e switch
    {
        AccessDeniedException denied => AccessDenied(denied.Action, ResourceIn(denied.Message) ?? resource, denied.Message),
        AmazonServiceException { ErrorCode: var code } sdk when code?.StartsWith("AccessDenied", StringComparison.OrdinalIgnoreCase) == true =>
            AccessDenied(action ?? "the action", ResourceIn(sdk.Message) ?? resource, sdk.Message),
        _ when AwsErrors.IsCredentials(e) => Credentials(e.Message),
        StackNotFoundException stack => StackMissing(stack.StackName),
        Schema.TableMissingException missing => TableMissing(missing.Missing.Table),
        Amazon.DynamoDBv2.Model.ResourceNotFoundException => TableMissing(resource ?? "A table this reads"),
        Aws.ResourceNotFoundException when action?.StartsWith("lambda:", StringComparison.Ordinal) == true => new(TroubleKind.FunctionMissing,
            $"The Lambda function {resource} does not exist", $"{e.Message}",
            $"Check Platform:LambdaFunctions, or deploy the backend stack: npx cdk deploy {O.BackendStackName}{O.ProfileArgument()} (deployment guide, step 6).",
            $"npx cdk deploy {O.BackendStackName}{O.ProfileArgument()}"),
        Aws.ResourceNotFoundException => new(TroubleKind.NotFound, $"{resource ?? "The resource"} does not exist", e.Message,
            "Check the name in the settings, or create it through the screen that owns it."),
        Creators.UserPoolNotFoundException => O.Mode == PlatformMode.Sandbox
            ? new(TroubleKind.NotFound, "The sandbox's user pool is not ready", e.Message,
                "The sandbox is still starting (the banner at the top says when it is ready): try again then. If it stays, restart the console, "
                    + "which provisions the pool as it starts.")
            : new(TroubleKind.NotFound, "The user pool is not known", e.Message,
                "Set Platform:UserPoolId, or Platform:StackName to the stack whose UserPoolId output names the pool."),
        ServiceUnavailableHereException here => new(TroubleKind.NotAvailableHere, "Not available in the sandbox", here.Message,
            "Nothing to fix: run the console against AWS (Platform:Mode=Aws) to check this."),
        _ when AwsErrors.NoAnswerIn(e) is not null => Unreachable(e, action),
        _ => new(TroubleKind.Other, "The call failed", e.Message, "Try again; if it keeps failing, the message above says what AWS refused."),
    };

    /// <summary>No answer: in the sandbox an emulator is down (the console restarts it), against AWS the network, region or endpoint.</summary>
    public Trouble Unreachable(Exception e, string? action = null) => O.Mode == PlatformMode.Sandbox
        ? new(TroubleKind.Unreachable, "The sandbox's emulator did not answer",
            $"{action ?? "The call"} did not get an answer from the local emulators: {NoAnswer(e)}",
            "The console watches its emulators and restarts one that stopped (the banner at the top says when it is back). Then try again; "
                + "if it does not come back, restart the console.")
        : new(TroubleKind.Unreachable, "AWS did not answer",
            $"{action ?? "The call"} did not get an answer: {NoAnswer(e)}",
            $"Check the network, the region ({O.Region}) and any AWS_ENDPOINT_URL_* override, then try again.");

    /// <summary>A timeout's own text is "The operation was canceled."; say what it means instead.</summary>
    private string NoAnswer(Exception e) => AwsErrors.NoAnswerIn(e) is { Kind: NoAnswerKind.TimedOut }
        ? $"none came in time (an AWS call waits {O.Aws.RequestTimeoutSeconds} s per attempt, Platform:Aws:RequestTimeoutSeconds)."
        : e.Message;

    public Trouble AccessDenied(string action, string? resource, string message) => new(TroubleKind.AccessDenied,
        $"Not permitted: {action}",
        $"AWS refused {action}{(resource is null ? "" : $" on {resource}")} for the identity the console runs as (profile {Profile}).",
        $"Add the IAM permission {action} on {resource ?? "the resource"} to that role or user, then try again.",
        $$"""{ "Effect": "Allow", "Action": "{{action}}", "Resource": "{{resource ?? "*"}}" }""")
    {
        Details = [message],
    };

    public Trouble Credentials(string message) => new(TroubleKind.Credentials, "The AWS credentials are missing or expired",
        $"AWS did not accept the console's credentials: {message}",
        $"Sign in again with the profile the console uses ({Profile}), then reload.", $"aws sso login --profile {Profile}");

    public Trouble StackMissing(string stack) => new(TroubleKind.StackMissing, $"The stack {stack} does not exist",
        $"CloudFormation has no stack named {stack} in {O.Region}.",
        $"Deploy it (deployment guide, steps 4 and 6), or set Platform:StackName / Platform:BackendStackName to the stack's real name.",
        $"npx cdk deploy {stack}{O.ProfileArgument()}");

    public Trouble TableMissing(string table) => new(TroubleKind.TableMissing, $"{table} does not exist",
        $"DynamoDB in {O.Region} has no table {table}.",
        O.Mode == PlatformMode.Sandbox ? "Apply the schema: it creates the missing tables and indexes of the sandbox."
            : $"Deploy the storage stack (npx cdk deploy {O.StackName}{O.ProfileArgument()}), or fix the table name in Platform:Tables.",
        null, ConsoleScreen.Tables);

    [GeneratedRegex(@"on resource: (?<resource>\S+)")]
    private static partial Regex ResourcePattern();

    private static string? ResourceIn(string message) =>
        ResourcePattern().Match(message) is { Success: true } m ? m.Groups["resource"].Value.TrimEnd('.', ',') : null;
}
