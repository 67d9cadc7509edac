using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;

namespace CreatorPlatform.Core.Aws;

/// <summary>Which call failed, for messages: the IAM prefix (<c>cognito-idp</c>) and the operation (<c>AdminGetUser</c>).</summary>
public sealed record AwsCall(string IamPrefix, string Operation, string? Profile)
{
    public string Action => $"{IamPrefix}:{Operation}";
}

/// <summary>Turns AWS error responses (JSON 1.1 and query/XML) into the typed exceptions.</summary>
public static partial class AwsErrors
{
    private static readonly HashSet<string> ThrottlingCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
        "RequestLimitExceeded", "RequestThrottled", "SlowDown", "ProvisionedThroughputExceededException",
    };

    /// <summary>Whether AWS names throttling with this error code (DynamoDB's own codes and the ones every service shares).</summary>
    public static bool IsThrottlingCode(string? code) => code is not null && ThrottlingCodes.Contains(code);

    private static readonly HashSet<string> CredentialCodes = new(StringComparer.OrdinalIgnoreCase)
    {
        "ExpiredToken", "ExpiredTokenException", "UnrecognizedClientException", "InvalidClientTokenId", "InvalidAccessKeyId",
    };

    public static AwsServiceException FromJson(AwsCall call, HttpStatusCode status, string? errorTypeHeader, string body)
    {
        string? type = errorTypeHeader, message = null;
        try
        {
            using var json = JsonDocument.Parse(string.IsNullOrWhiteSpace(body) ? "{}" : body);
            foreach (var property in json.RootElement.EnumerateObject())
            {
                if (property.NameEquals("__type") || (type is null && property.Name.Equals("code", StringComparison.OrdinalIgnoreCase)))
                    type ??= property.Value.GetString();
                else if (property.Name.Equals("message", StringComparison.OrdinalIgnoreCase)) message = property.Value.GetString();
            }
        }
        catch (JsonException)
        {
            message = body;
        }
        return Create(call, ShortCode(type) ?? $"Http{(int)status}", message ?? $"HTTP {(int)status} from {call.Action}.", status);
    }

    public static AwsServiceException FromXml(AwsCall call, HttpStatusCode status, string body)
    {
        string? code = null, message = null;
        try
        {
            var error = XDocument.Parse(body).Descendants().FirstOrDefault(e => e.Name.LocalName == "Error");
            code = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Code")?.Value;
            message = error?.Elements().FirstOrDefault(e => e.Name.LocalName == "Message")?.Value;
        }
        catch (System.Xml.XmlException)
        {
            message = body;
        }
        return Create(call, code ?? $"Http{(int)status}", message ?? $"HTTP {(int)status} from {call.Action}.", status);
    }

    public static AwsServiceException Create(AwsCall call, string code, string message, HttpStatusCode status)
    {
        if (ThrottlingCodes.Contains(code) || status == HttpStatusCode.TooManyRequests) return new ThrottlingException(code, message, status);
        if (CredentialCodes.Contains(code)) return new ExpiredCredentialsException(code, message, status, call.Profile);
        if (code.StartsWith("AccessDenied", StringComparison.OrdinalIgnoreCase)) return new AccessDeniedException(call.Action, code, message, status);
        if (code == "ValidationError" && StackMissing().Match(message) is { Success: true } missing)
            return new StackNotFoundException(missing.Groups["stack"].Value, message, status);
        return code switch
        {
            "UserNotFoundException" => new UserNotFoundException(message, status),
            "UsernameExistsException" => new UsernameExistsException(message, status),
            "GroupExistsException" => new GroupExistsException(message, status),
            "ResourceNotFoundException" => new ResourceNotFoundException(message, status),
            _ => new AwsServiceException(code, message, status),
        };
    }

    /// <summary>
    /// <c>__type</c> may be namespaced (<c>com.amazonaws.cognito#UserNotFoundException</c>) and
    /// <c>x-amzn-ErrorType</c> may carry a suffix (<c>UserNotFoundException:http://internal.amazon.com/...</c>).
    /// </summary>
    private static string? ShortCode(string? type)
    {
        if (string.IsNullOrWhiteSpace(type)) return null;
        var code = type[(type.LastIndexOf('#') + 1)..];
        var colon = code.IndexOf(':');
        return colon >= 0 ? code[..colon] : code;
    }

    [GeneratedRegex("^Stack with id (?<stack>.+) does not exist")]
    private static partial Regex StackMissing();
}
