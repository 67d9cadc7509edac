using System.Net;

namespace CreatorPlatform.Core.Aws;

/// <summary>An AWS service refused a call. <see cref="StatusCode"/> is 0 when no response came (credentials could not be resolved).</summary>
public class AwsServiceException(string errorCode, string message, HttpStatusCode statusCode, Exception? inner = null)
    : Exception(message, inner)
{
    public string ErrorCode { get; } = errorCode;
    public HttpStatusCode StatusCode { get; } = statusCode;
}

public sealed class UserNotFoundException(string message, HttpStatusCode statusCode)
    : AwsServiceException("UserNotFoundException", message, statusCode);

public sealed class UsernameExistsException(string message, HttpStatusCode statusCode)
    : AwsServiceException("UsernameExistsException", message, statusCode);

public sealed class GroupExistsException(string message, HttpStatusCode statusCode)
    : AwsServiceException("GroupExistsException", message, statusCode);

/// <summary>Cognito's answer for a missing user pool or group.</summary>
public sealed class ResourceNotFoundException(string message, HttpStatusCode statusCode)
    : AwsServiceException("ResourceNotFoundException", message, statusCode);

/// <summary>CloudFormation answers a missing stack with a generic ValidationError; this names the stack.</summary>
public sealed class StackNotFoundException(string stackName, string message, HttpStatusCode statusCode)
    : AwsServiceException("ValidationError", message, statusCode)
{
    public string StackName { get; } = stackName;
}

/// <summary>IAM refused an action; <see cref="Action"/> is the IAM action name, e.g. <c>cognito-idp:AdminGetUser</c>.</summary>
public sealed class AccessDeniedException(string action, string errorCode, string message, HttpStatusCode statusCode)
    : AwsServiceException(errorCode, $"AWS refused {action}: {message} Grant {action} to the role or user the console runs as.", statusCode)
{
    public string Action { get; } = action;
}

/// <summary>The credentials were refused or could not be refreshed; the message says how to log in again.</summary>
public sealed class ExpiredCredentialsException(string errorCode, string detail, HttpStatusCode statusCode, string? profile, Exception? inner = null)
    : AwsServiceException(errorCode, $"The AWS credentials have expired or were refused ({detail}). Run `aws sso login --profile {profile ?? "<your profile>"}` and try again.",
        statusCode, inner)
{
    public string? Profile { get; } = profile;
}

/// <summary>The service throttled the call; it is retried with backoff and surfaces only when the retries ran out.</summary>
public sealed class ThrottlingException(string errorCode, string message, HttpStatusCode statusCode)
    : AwsServiceException(errorCode, message, statusCode);
