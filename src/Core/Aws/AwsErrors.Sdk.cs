using Amazon.Runtime;

namespace CreatorPlatform.Core.Aws;

/// <summary>Errors the AWS SDK raised (DynamoDB), as a sentence an admin can act on.</summary>
public static partial class AwsErrors
{
    /// <summary>The least-privilege policy the project ships: where an admin finds the action a refusal names.</summary>
    public const string PolicyFile = "deploy/iam/admin-console-policy.json";

    public const string PermissionAdvice =
        "Every permission the console needs is listed in " + PolicyFile + ": grant the missing one to the role or user the console runs as, then run it again.";

    /// <summary>AWS refused a call for lack of a permission, as the SDK (DynamoDB) or the console's own clients report it.</summary>
    public static bool IsAccessDenied(Exception e) =>
        e is AccessDeniedException || e is AmazonServiceException { ErrorCode: "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" };

    /// <summary>
    /// The console's credentials, not the network or a permission: none found (the SDK's "Failed to resolve AWS
    /// credentials", raised before any request leaves), a profile that is not there, an SSO session or token that ran
    /// out, a key AWS does not recognise.
    /// </summary>
    public static bool IsCredentials(Exception e) => e switch
    {
        ExpiredCredentialsException or AwsSetupException => true,
        AmazonServiceException { ErrorCode: "ExpiredTokenException" or "ExpiredToken" or "UnrecognizedClientException" or "InvalidSignatureException" } => true,
        AmazonServiceException => false,
        AmazonClientException => e.Message.Contains("credential", StringComparison.OrdinalIgnoreCase) || e.Message.Contains("SSO", StringComparison.Ordinal),
        _ => false,
    };

    /// <summary>What an admin does about <see cref="IsCredentials"/> on the command line.</summary>
    public const string CredentialsAdvice = "Sign in with the profile the console uses (aws sso login --profile <profile>, the profile set in "
        + "Platform:Profile or AWS_PROFILE), or give it credentials in the AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY variables; then run it again.";

    /// <summary>A refusal in one sentence, with the AWS message that names the action.</summary>
    public static string Refusal(Exception e) => e is AccessDeniedException ? e.Message : $"AWS refused a call: {e.Message}";

    public static string Explain(AmazonServiceException e, string action, string resource) => e.ErrorCode switch
    {
        "AccessDeniedException" or "AccessDenied" or "UnauthorizedOperation" =>
            $"Not permitted: {action} on {resource}. Add that permission to the role or user the console runs as.",
        "ExpiredTokenException" or "ExpiredToken" or "UnrecognizedClientException" or "InvalidSignatureException" =>
            $"The AWS credentials are expired or invalid ({e.ErrorCode}). Sign in again: aws sso login --profile <profile>.",
        "ResourceNotFoundException" => $"{resource} does not exist.",
        var code when IsThrottlingCode(code) =>
            $"AWS throttled {action} on {resource}; try again in a moment.",
        _ => $"{action} on {resource} failed: {e.ErrorCode ?? e.StatusCode.ToString()}: {e.Message}",
    };
}
