using Amazon.Runtime;

namespace CreatorPlatform.Core.Aws;

/// <summary>Errors the AWS SDK raised (DynamoDB), as a sentence an admin can act on.</summary>
public static partial class AwsErrors
{
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
